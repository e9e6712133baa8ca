package org.visionzero.ops.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.hash.Sha256;

class CheckpointHashTest {
  private static final byte[] CHECKPOINT = "VZCK weights".getBytes(StandardCharsets.US_ASCII);

  @TempDir
  Path dir;

  @Test
  void givenAFileWithItsSha256Beside_whenRead_thenItsBytes() throws Exception {
    Path file = Files.write(dir.resolve("v0.vzck"), CHECKPOINT);
    String hash = CheckpointHash.write(file, CHECKPOINT);

    assertThat(hash).isEqualTo(Sha256.hex(CHECKPOINT));
    assertThat(Files.readString(dir.resolve("v0.vzck.sha256"))).isEqualTo(hash + "\n");
    assertThat(CheckpointHash.readVerified(file)).isEqualTo(CHECKPOINT);
  }

  @Test
  void givenAFileWithoutSha256_whenRead_thenItsBytesUnchecked() throws Exception {
    Path file = Files.write(dir.resolve("v0.vzck"), CHECKPOINT);

    assertThat(CheckpointHash.readVerified(file)).isEqualTo(CHECKPOINT);
  }

  @Test
  void givenAFileChangedAfterItsSha256_whenRead_thenRefusedWithBothHashes() throws Exception {
    Path file = Files.write(dir.resolve("v0.vzck"), CHECKPOINT);
    String hash = CheckpointHash.write(file, CHECKPOINT);
    byte[] changed = "VZCK weightz".getBytes(StandardCharsets.US_ASCII);
    Files.write(file, changed);

    assertThatThrownBy(() -> CheckpointHash.readVerified(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toAbsolutePath() + " has sha256 " + Sha256.hex(changed) + ", not " + hash)
        .hasMessageContaining("delete v0.vzck.sha256 if you changed the checkpoint on purpose");
  }

  @Test
  void givenSha256sumOutputBeside_whenRead_thenTheHashBeforeTheNameIsUsed() throws Exception {
    Path file = Files.write(dir.resolve("v0.vzck"), CHECKPOINT);
    Files.writeString(dir.resolve("v0.vzck.sha256"), Sha256.hex(CHECKPOINT).toUpperCase(Locale.ROOT) + "  v0.vzck\n");

    assertThat(CheckpointHash.readVerified(file)).isEqualTo(CHECKPOINT);
  }

  @Test
  void givenAnUnreadableSha256File_whenRead_thenTheMessageSaysHowToWriteIt() throws Exception {
    Path file = Files.write(dir.resolve("v0.vzck"), CHECKPOINT);
    Files.writeString(dir.resolve("v0.vzck.sha256"), "not a hash\n");

    assertThatThrownBy(() -> CheckpointHash.readVerified(file))
        .hasMessageContaining("does not start with a sha256")
        .hasMessageContaining("sha256sum v0.vzck > v0.vzck.sha256");
  }

  @Test
  void givenNoFile_whenRead_thenTheMessageNamesIt() {
    assertThatThrownBy(() -> CheckpointHash.readVerified(dir.resolve("absent.vzck")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absent.vzck (--v0 or v0.checkpoint) is not a file");
  }
}
