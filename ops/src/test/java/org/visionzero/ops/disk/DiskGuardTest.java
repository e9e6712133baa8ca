package org.visionzero.ops.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DiskGuardTest {

  private static final long MIB = 1024L * 1024L;
  private final Path dir = Path.of("/data/vz");

  @Test
  void givenRoomAboveTheThreshold_whenChecked_thenNothingToSay() {
    DiskGuard guard = new DiskGuard(dir, () -> 2048 * MIB, 1024 * MIB);

    assertThat(guard.check()).isEmpty();
  }

  @Test
  void givenFreeSpaceFallingBelowTheThreshold_whenChecked_thenSaysWhyWithTheFiguresAndTheFix() {
    AtomicLong free = new AtomicLong(1500 * MIB);
    DiskGuard guard = new DiskGuard(dir, free::get, 1024 * MIB);
    assertThat(guard.check()).isEmpty();

    free.set(900 * MIB);

    assertThat(guard.check()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("only 900 MiB free").contains(dir.toString()).contains("disk.min.free.mb = 1024")
        .contains("RUNBOOK"));
  }

  @Test
  void givenAThresholdOfZero_whenTheDiskIsFull_thenTheGuardIsOff() {
    DiskGuard guard = new DiskGuard(dir, () -> 0L, 0L);

    assertThat(guard.check()).isEmpty();
  }

  @Test
  void givenANegativeThreshold_thenRefused() {
    assertThatThrownBy(() -> new DiskGuard(dir, () -> 0L, -1L)).isInstanceOf(IllegalArgumentException.class);
  }
}
