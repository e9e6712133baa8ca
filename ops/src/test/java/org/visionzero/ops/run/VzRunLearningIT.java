package org.visionzero.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.ops.config.ConfigLoader;
import org.visionzero.ops.config.ConfigSources;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.eval.VersionResult;
import org.visionzero.ops.report.RunReport;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.model.ParameterSet;

/**
 * A short {@code vz run} on the DJL model with fixed seeds, from a committed v0 (pretrained on the producers'
 * scenes by {@code vz pretrain}, see {@link #V0_RESOURCE}), so that the whole budget goes to streaming self-play.
 * It must meet the {@link LearningBar}: decision accuracy on v0's clues rises clearly above v0's and above the
 * no-image control's (the same decision stage given a blank image: it must have learnt to look), with few N/A; and CLUE
 * steps must have trained the speaker while the listener stays v0's decoder. About four minutes on the
 * 2-core machine; measured figures are in the README ("CI learning test").
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class VzRunLearningIT {
  /**
   * v0 for the producers' scenes: {@code ./vz pretrain --out <file>} (defaults: 9 minutes, held-out token accuracy 0.88),
   * committed so that this test needs no pretraining.
   */
  static final String V0_RESOURCE = ShippedV0.RESOURCE;
  /** Few, to keep the probe to seconds; the figures are vz probe's to report. */
  private static final int PROBE_ITEMS = 20;

  @TempDir
  Path dataDir;

  @Test
  void shouldRaiseDecisionAccuracyAboveV0AndTheNoImageControlWithFewAbstentions() throws Exception {
    Path v0 = dataDir.resolve("v0-scenes.vzck");
    try (InputStream in = VzRunLearningIT.class.getResourceAsStream(V0_RESOURCE)) {
      assertThat(in).as("test resource " + V0_RESOURCE).isNotNull();
      Files.copy(in, v0);
    }
    VzRunConfig config = config(v0);
    try (VzRun run = VzRun.start(config)) {
      Pipeline pipeline = Pipeline.start(run, config, PolicyRuntimes.forConfig(config), new SimpleMeterRegistry(),
          line -> System.out.println("learning IT: " + line));
      Pipeline.End end = pipeline.awaitEnd(config.duration(), () -> false);
      Path report = pipeline.finish(end, true, Map.of());

      List<VersionResult> results = pipeline.evaluator().results();
      VersionResult last = results.get(results.size() - 1);
      assertSpeakerTrainedAndListenerFrozen(Files.readAllBytes(v0), Pipeline.blobStore(config)
          .get(pipeline.evaluator().checkpoint(last.version()).orElseThrow().getCheckpoint()));
      LearningBar.assertMet(results, "learning IT");
      // The transfer probe of v0 and the final version, on PROBE_ITEMS items per task (ops/README.md, "vz probe").
      JsonNode probe = new ObjectMapper().readTree(report.resolveSibling(RunReport.SUMMARY_FILE).toFile()).get("probe");
      assertThat(probe.get("v0").get("version").asInt()).isZero();
      assertThat(probe.get("checkpoints").get(0).get("version").asInt()).isEqualTo(last.version());
      assertThat(probe.get("checkpoints").get(0).get("tasks").get("caption-match/scenes").get("accuracy").get("n")
          .asInt()).isEqualTo(PROBE_ITEMS);
    }
  }

  /**
   * CLUE steps must change the speaker: most of the final version's clue decoder weights differ from v0's (a frozen
   * speaker, the state before issue 19, would leave all but the three echo logits equal), while the listener the
   * decision head's clue fit reads is v0's decoder, bit for bit.
   */
  private static void assertSpeakerTrainedAndListenerFrozen(byte[] v0Bytes, byte[] finalBytes) {
    Map<String, float[]> v0 = Checkpoints.decode(v0Bytes, Checkpoints.sha256(v0Bytes)).parameters();
    Map<String, float[]> trained = Checkpoints.decode(finalBytes, Checkpoints.sha256(finalBytes)).parameters();
    long decoderWeights = 0;
    long changed = 0;
    for (Map.Entry<String, float[]> e : trained.entrySet()) {
      String name = e.getKey();
      if (name.startsWith(ParameterSet.DECODER) && !name.equals(ParameterSet.ECHO_LOGITS)) {
        float[] before = v0.get(name);
        for (int i = 0; i < before.length; i++) {
          decoderWeights++;
          changed += before[i] != e.getValue()[i] ? 1 : 0;
        }
      } else if (name.startsWith(ParameterSet.LISTENER)) {
        String decoderName = ParameterSet.DECODER + name.substring(ParameterSet.LISTENER.length());
        assertThat(Arrays.equals(e.getValue(), v0.get(decoderName))).as(name + " is v0's " + decoderName).isTrue();
      }
    }
    System.out.printf("learning IT: %,d of %,d speaker weights changed since v0%n", changed, decoderWeights);
    assertThat(trained).containsKey(ParameterSet.listenerName("decoder.gru.wx"));
    assertThat(changed).as("clue decoder weights changed by CLUE steps").isGreaterThan(decoderWeights / 2);
  }

  private VzRunConfig config(Path v0) {
    return ConfigLoader.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new,
        new ConfigSources(Optional.empty(), Map.of(), flags(dataDir, v0)));
  }

  /** The run's settings, shared with the remote-backend sibling ({@code VzRunRemoteLearningIT}). */
  static Map<String, String> flags(Path dataDir, Path v0) {
    Map<String, String> flags = new HashMap<>();
    flags.put("data.dir", dataDir.resolve("data").toString());
    flags.put("broker.port", "0");
    flags.put(VzRunConfig.POLICY, VzRunConfig.POLICY_MODEL);
    flags.put(VzRunConfig.V0_CHECKPOINT, v0.toString());
    flags.put(VzRunConfig.PRODUCE_SEED, "1");
    flags.put(VzRunConfig.DURATION, "100s");
    flags.put(VzRunConfig.PROBE_ITEMS, Integer.toString(PROBE_ITEMS));
    flags.put(VzRunConfig.EVAL_GAMES_PER_ARM, "40");
    flags.put(VzRunConfig.EVAL_FINAL_GAMES, "96");
    flags.put(VzRunConfig.EVAL_FINAL_BUDGET, "60s");
    return flags;
  }
}
