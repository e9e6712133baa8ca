package org.visionzero.workers.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.policy.Vocabulary;
import org.visionzero.workers.policy.ScriptedPolicyFactory;

class WorkerBenchmarkTest {
  private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

  @Test
  void shouldMeasureSteadyRateAfterTheFirstBatch() {
    // First batch of 2 at t0, then one answer every 10 ms: 3 answers in 30 ms after the first batch.
    List<Instant> times = List.of(T0, T0, T0.plusMillis(10), T0.plusMillis(20), T0.plusMillis(30));

    assertThat(WorkerBenchmark.steadyRate(times, 2)).isEqualTo(100.0);
  }

  @Test
  void shouldReportNoRateWhenEverythingCameInOneBatch() {
    assertThat(WorkerBenchmark.steadyRate(List.of(T0, T0), 8)).isZero();
  }

  @Test
  void shouldTakeTheMiddleValueAsMedian() {
    assertThat(WorkerBenchmark.median(List.of(30L, 10L, 20L))).isEqualTo(20L);
    assertThat(WorkerBenchmark.median(List.of(290L, 26L))).isEqualTo(26L);
    assertThat(WorkerBenchmark.median(List.of())).isZero();
  }

  @Test
  void shouldReportModelWithoutFactoryAsUnavailableWithoutTouchingKafka() throws Exception {
    WorkerBenchmark bench = new WorkerBenchmark(new WorkerBenchmark.Settings("localhost:1", Path.of("b"),
        List.of("vz"), List.of(8), 10, List.of("random"), 0, Duration.ofSeconds(1)),
        new ScriptedPolicyFactory(Vocabulary.standard()));

    WorkerBenchmarkResult result = bench.run();

    assertThat(result.throughput()).singleElement().satisfies(t -> {
      assertThat(t.status()).startsWith("unavailable").contains("'vz'");
      assertThat(t.turnsPerSecond()).isZero();
    });
    assertThat(result.swaps()).singleElement().satisfies(s -> assertThat(s.status()).startsWith("skipped"));
  }

  @Test
  void shouldWriteResultAsJson() throws Exception {
    WorkerBenchmarkResult result = new WorkerBenchmarkResult(
        List.of(new WorkerBenchmarkResult.Throughput("random", 8, "ok", 100, 100, 0.5, 198.0, 5000.0)),
        List.of(new WorkerBenchmarkResult.Swap("random", "ok", List.of(120L, 80L), 120L, 500, 500, 0)));

    JsonNode json = new ObjectMapper().readTree(result.toJson());

    assertThat(json.at("/throughput/0/turnsPerSecond").asDouble()).isEqualTo(198.0);
    assertThat(json.at("/throughput/0/inferenceTurnsPerSecond").asDouble()).isEqualTo(5000.0);
    assertThat(json.at("/swaps/0/millisToNewVersion/1").asLong()).isEqualTo(80L);
    assertThat(json.at("/swaps/0/duplicateAnswers").asInt()).isZero();
  }

  @Test
  void shouldMeasureThePolicyAloneInBatches() {
    WorkerBenchmark bench = new WorkerBenchmark(new WorkerBenchmark.Settings("localhost:1", Path.of("b"),
        List.of("random"), List.of(4), 40, List.of("random"), 0, Duration.ofSeconds(1)),
        new ScriptedPolicyFactory(Vocabulary.standard()));

    assertThat(bench.inferenceRate("random", 4, 40)).isPositive();
  }

  @Test
  void shouldRefuseBatchSizeOutOfRange() {
    assertThatThrownBy(() -> new WorkerBenchmark.Settings("h:1", Path.of("b"), List.of("random"), List.of(0),
        10, List.of("random"), 1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batch sizes");
  }
}
