package org.visionzero.ops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.visionzero.ops.broker.BrokerSettings;
import org.visionzero.ops.broker.EmbeddedKafkaBroker;

/** The in-JVM broker on a fresh temporary data directory, deleted when the test class is done. */
final class EmbeddedTestKafka implements TestKafka {

  private final Path dataDir;
  private final EmbeddedKafkaBroker broker;

  EmbeddedTestKafka() {
    try {
      dataDir = Files.createTempDirectory("vz-it-kafka");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    broker = EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir, BrokerSettings.PICK_FREE_PORT));
  }

  @Override
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  @Override
  public void close() {
    broker.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
