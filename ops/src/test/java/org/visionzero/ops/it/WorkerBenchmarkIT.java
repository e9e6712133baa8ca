package org.visionzero.ops.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.ops.testing.KafkaBrokerExtension;
import org.visionzero.policy.Vocabulary;
import org.visionzero.workers.bench.WorkerBenchmark;
import org.visionzero.workers.bench.WorkerBenchmarkResult;
import org.visionzero.workers.policy.ScriptedPolicyFactory;

/** {@code vz bench worker} on a real broker, at a size that keeps the build short. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WorkerBenchmarkIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final int TURNS = 60;

  @TempDir
  Path blobDir;

  @Test
  void shouldMeasureThroughputPerBatchSizeAndTimeToServeANewCheckpoint() throws Exception {
    WorkerBenchmark.Settings settings = new WorkerBenchmark.Settings(KAFKA.bootstrapServers(), blobDir,
        List.of("random", "vz"), List.of(1, 16), TURNS, "random", 2, Duration.ofSeconds(60));

    WorkerBenchmarkResult result = new WorkerBenchmark(settings,
        new ScriptedPolicyFactory(Vocabulary.standard())).run();

    assertThat(result.throughput()).filteredOn(t -> t.policy().equals("random")).hasSize(2).allSatisfy(t -> {
      assertThat(t.status()).isEqualTo("ok");
      assertThat(t.answered()).isEqualTo(TURNS);
      assertThat(t.turnsPerSecond()).isPositive();
      assertThat(t.inferenceTurnsPerSecond()).isPositive();
    });
    assertThat(result.throughput()).filteredOn(t -> t.policy().equals("vz"))
        .allSatisfy(t -> assertThat(t.status()).startsWith("unavailable"));
    assertThat(result.swap().status()).isEqualTo("ok");
    assertThat(result.swap().millisToNewVersion()).hasSize(2).allSatisfy(ms -> assertThat(ms).isNotNegative());
    assertThat(result.swap().duplicateAnswers()).isZero();
    assertThat(result.swap().turnsAnswered()).isEqualTo(result.swap().turnsRequested());
    assertThat(result.toJson()).contains("\"turnsPerSecond\"").contains("\"millisToNewVersion\"");
  }
}
