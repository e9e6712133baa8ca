package org.visionzero.policy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.testing.TestSceneDrawer;

class PolicyBenchmarkTest {
  private static final String V0 = "/org/visionzero/policy/v0-testscenes.vzck";

  @Test
  void shouldReportThroughputPerBatchSizeAndTrainingStepTime() {
    Vocabulary vocabulary = Vocabulary.standard();
    try (VzModel model = VzModel.create(ModelConfig.standard(vocabulary.size()), vocabulary, 1, Device.cpu())) {
      PolicyBenchmark.Result result = PolicyBenchmark.run(model, new TestSceneDrawer(),
          new PolicyBenchmark.Options(List.of(1, 4), 1, 2, 1));

      assertThat(result.rows()).extracting(PolicyBenchmark.Row::batchSize).containsExactly(1, 4);
      assertThat(result.rows()).allSatisfy(r -> {
        assertThat(r.clueTurnsPerSecond()).isPositive();
        assertThat(r.decisionTurnsPerSecond()).isPositive();
      });
      assertThat(result.trainStepMillis()).isPositive();
      assertThat(result.clueSamplesPerStep()).isEqualTo(2 * PolicyBenchmark.PLAYERS * PolicyBenchmark.ROUNDS);
      assertThat(result.decisionSamplesPerStep()).isEqualTo(2 * PolicyBenchmark.OBSERVER_SAMPLES);
      assertThat(result.toJson()).startsWith("{\"device\":\"cpu()\"").contains("\"batchSize\":4").contains("trainStep");
    }
  }

  /** The full measurement for the report, with the v0 test checkpoint: {@code -Dvz.bench.full=true} (~2 min). */
  @Test
  @EnabledIfSystemProperty(named = "vz.bench.full", matches = "true")
  void shouldMeasureAtBatchSizesOneEightAndThirtyTwo() throws IOException {
    byte[] bytes;
    try (InputStream in = getClass().getResourceAsStream(V0)) {
      bytes = in.readAllBytes();
    }
    String sha = Checkpoints.sha256(bytes);
    try (VzModel model = Checkpoints.load(bytes, sha, Device.cpu())) {
      PolicyBenchmark.Result result = PolicyBenchmark.run(model, new TestSceneDrawer(),
          new PolicyBenchmark.Options(List.of(1, 8, 32), 20, 8, 5));
      System.out.println("policy benchmark: " + result.toJson());
      assertThat(result.rows()).hasSize(3);
    }
  }
}
