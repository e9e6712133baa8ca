package org.visionzero.ops.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchDirTest {
  @Test
  void shouldDeleteTheDirectoryAndEverythingInItWhenClosed() throws Exception {
    Path path;
    try (ScratchDir scratch = ScratchDir.create("vz-scratch-test")) {
      path = scratch.path();
      Files.createDirectories(path.resolve("a/b"));
      Files.writeString(path.resolve("a/b/c.txt"), "blob");
      assertThat(path.resolve("a/b/c.txt")).exists();
    }

    assertThat(path).doesNotExist();
  }
}
