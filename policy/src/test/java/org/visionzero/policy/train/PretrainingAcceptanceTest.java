package org.visionzero.policy.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.visionzero.policy.testing.TestSceneDrawer;

/**
 * The pretraining acceptance run of issue 5 (about 8 minutes, so off by default): pretraining must finish in
 * under 10 minutes with held-out caption token accuracy of at least 0.8, and v0 must vote near chance.
 * Run it with {@code -Dvz.pretrain.acceptance=true}; add {@code -Dvz.pretrain.output=<file>} to keep the
 * checkpoint (that is how {@code src/test/resources/org/visionzero/policy/v0-testscenes.vzck} is regenerated;
 * a {@code .sha256} file is written beside it).
 */
@EnabledIfSystemProperty(named = "vz.pretrain.acceptance", matches = "true")
class PretrainingAcceptanceTest {
  private static final Duration TRAINING_BUDGET = Duration.ofSeconds(450);
  private static final Duration LIMIT = Duration.ofMinutes(10);

  @Test
  void shouldPretrainAnAccurateCaptionerWithAChanceLevelVoterInUnderTenMinutes() throws IOException {
    String output = System.getProperty("vz.pretrain.output");
    Path checkpoint = output == null ? Files.createTempFile("v0", ".vzck") : Path.of(output);
    PretrainOptions options = new PretrainOptions(1L, PretrainOptions.DEFAULT_BATCH, 1_000_000, TRAINING_BUDGET,
        PretrainOptions.DEFAULT_LEARNING_RATE, 512, 200, "auto", checkpoint);
    long start = System.nanoTime();
    PretrainResult result = Pretrainer.run(options, new TestSceneDrawer(), 
        (done, step, loss, elapsed) -> {
          if (step % 500 == 0) {
            System.out.printf("pretraining: step %d loss %.4f %d s%n", step, loss, elapsed.toSeconds());
          }
        });
    Duration total = Duration.ofNanos(System.nanoTime() - start);
    System.out.println("pretraining: " + result.toJson() + " total " + total.toSeconds() + " s");
    Files.writeString(checkpoint.resolveSibling(checkpoint.getFileName() + ".sha256"),
        result.checkpointSha256() + "\n", StandardCharsets.US_ASCII);

    assertThat(total).isLessThan(LIMIT);
    assertThat(result.heldOutTokenAccuracy()).isGreaterThanOrEqualTo(0.8);
    assertThat(result.heldOutDecisionAccuracy()).isLessThanOrEqualTo(0.35);
  }
}
