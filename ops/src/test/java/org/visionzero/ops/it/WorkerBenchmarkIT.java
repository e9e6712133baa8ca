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
import org.junit.jupiter.api.parallel.Isolated;
import org.visionzero.ops.testing.KafkaBrokerExtension;
import org.visionzero.workers.WorkerMain;
import org.visionzero.workers.bench.WorkerBenchmark;
import org.visionzero.workers.bench.WorkerBenchmarkResult;

/** {@code vz bench worker} on a real broker, scripted policy and DJL model, at a size that keeps the build short. */
@Isolated // a throughput benchmark: alone, not beside another IT
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class WorkerBenchmarkIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final int TURNS = 60;

  @TempDir
  Path blobDir;

  @Test
  void shouldMeasureThroughputPerBatchSizeAndTimeToServeANewCheckpoint() throws Exception {
    List<String> policies = List.of("random", "vz");
    WorkerBenchmark.Settings settings = new WorkerBenchmark.Settings(KAFKA.bootstrapServers(), blobDir,
        policies, List.of(1, 16), TURNS, policies, 2, Duration.ofSeconds(90));

    WorkerBenchmarkResult result = new WorkerBenchmark(settings, WorkerMain.defaultPolicies()).run();

    assertThat(result.throughput()).hasSize(4).allSatisfy(t -> {
      assertThat(t.status()).isEqualTo("ok");
      assertThat(t.answered()).isEqualTo(TURNS);
      assertThat(t.turnsPerSecond()).isPositive();
      assertThat(t.inferenceTurnsPerSecond()).isPositive();
    });
    assertThat(result.swaps()).hasSize(2).allSatisfy(swap -> {
      assertThat(swap.status()).isEqualTo("ok");
      assertThat(swap.millisToNewVersion()).hasSize(2).allSatisfy(ms -> assertThat(ms).isNotNegative());
      assertThat(swap.duplicateAnswers()).isZero();
      assertThat(swap.turnsAnswered()).isEqualTo(swap.turnsRequested());
    });
    assertThat(result.toJson()).contains("\"turnsPerSecond\"").contains("\"millisToNewVersion\"");
  }
}
