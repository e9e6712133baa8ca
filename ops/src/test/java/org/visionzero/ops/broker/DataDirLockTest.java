package org.visionzero.ops.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

  @TempDir
  Path dataDir;

  @Test
  void shouldRefuseSecondLockUntilFirstIsReleased() {
    try (DataDirLock first = DataDirLock.acquire(dataDir)) {
      assertThatThrownBy(() -> DataDirLock.acquire(dataDir))
          .isInstanceOf(DataDirInUseException.class)
          .hasMessageContaining("another --data-dir");
    }
    try (DataDirLock again = DataDirLock.acquire(dataDir)) {
      assertThat(dataDir.resolve(DataDirLock.LOCK_FILE_NAME)).exists();
    }
  }

  @Test
  void shouldRefuseBrokerOnTakenPortWithoutFormattingTheDataDir() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir, port)))
          .hasMessageContaining("Port " + port + " is already in use")
          .hasMessageContaining("--port");
    }
    assertThat(dataDir.resolve(EmbeddedKafkaBroker.LOG_DIR_NAME)).doesNotExist();
    try (DataDirLock released = DataDirLock.acquire(dataDir)) {
      assertThat(released).isNotNull();
    }
  }
}
