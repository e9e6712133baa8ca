package org.visionzero.policy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchLogLevelTest {
  @TempDir
  Path dir;

  @Test
  void shouldReadTheLevelAsPyTorchDoesAndDefaultToError() {
    assertThat(TorchLogLevel.level(null)).isEqualTo(2);
    assertThat(TorchLogLevel.level("warning")).isEqualTo(1);
    assertThat(TorchLogLevel.level(" 0 ")).isEqualTo(0);
    assertThat(TorchLogLevel.level("FATAL")).isEqualTo(3);
    assertThat(TorchLogLevel.level("loud")).isEqualTo(2);
  }

  @Test
  void shouldFindTheLoadedLibraryInAMapsFile() throws Exception {
    Path maps = Files.writeString(dir.resolve("maps"), String.join("\n",
        "7f00-7f01 r-xp 00000000 fd:01 1 /usr/lib/libm.so.6",
        "7f02-7f03 r-xp 00000000 fd:01 2 /cache/pytorch/libc10.so",
        "7f04-7f05 r-xp 00000000 fd:01 3 /cache/pytorch/libc10.so"));

    assertThat(TorchLogLevel.loaded(maps)).contains(Path.of("/cache/pytorch/libc10.so"));
    assertThat(TorchLogLevel.loaded(dir.resolve("absent"))).isEmpty();
  }
}
