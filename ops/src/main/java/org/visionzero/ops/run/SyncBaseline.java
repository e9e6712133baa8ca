package org.visionzero.ops.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.producers.scenes.SceneGenerator;
import org.visionzero.producers.scenes.SceneOptions;
import org.visionzero.producers.scenes.ScenePair;
import org.visionzero.trainer.TrainerConfig;
import org.visionzero.trainer.djl.SyncRun;
import org.visionzero.trainer.inputs.PairPictures;
import org.visionzero.trainer.sync.SyncResult;

/**
 * {@code vz run --sync}: the synchronous baseline (play, score, train in one thread, no Kafka) on the same
 * model, v0, scenes and trainer settings as the streaming run; writes {@code sync-summary.json} in the run dir.
 */
public final class SyncBaseline {

  public static final String SUMMARY_FILE = "sync-summary.json";

  private SyncBaseline() {
  }

  public static SyncResult run(VzRunConfig config, Consumer<String> out) throws Exception {
    Path v0Dir = config.dataDir().resolve("v0");
    ModelRuntime runtime = (ModelRuntime) PolicyRuntimes.forConfig(config);
    Path v0File = v0Dir.resolve(runtime.policyName() + "-v0.ckpt");
    if (!Files.isRegularFile(v0File)) {
      Files.createDirectories(v0Dir);
      Files.write(v0File, runtime.createV0(v0Dir, out).bytes());
    }
    Map<String, Object> settings = new HashMap<>(config.trainerSettings());
    settings.put(TrainerConfig.RUN_ID, config.runId() + "-sync");
    settings.put(TrainerConfig.POLICY_NAME, runtime.policyName());
    settings.put(TrainerConfig.BASE_CHECKPOINT, v0File.toString());
    SceneGenerator scenes = new SceneGenerator(SceneOptions.ofSize(config.imageSize(), config.imageSize()));
    out.accept("synchronous baseline: " + config.duration().map(d -> d.toSeconds() + " s of training")
        .orElse(config.steps() + " steps") + " in one thread, no Kafka");
    // A run bounded by --duration stops on the training clock like the streaming run (its steps are open-ended).
    SyncResult result = SyncRun.run(new TrainerConfig(settings), config.steps(), seed -> {
      ScenePair pair = scenes.generate(seed);
      return new PairPictures(pair.original(), pair.modified(), ScenePair.SPY_HINT);
    }, new SyncRun.Progress(0, 0, config.duration()));
    Path runDir = config.dataDir().resolve("runs").resolve(config.runId());
    Files.createDirectories(runDir);
    Files.writeString(runDir.resolve(SUMMARY_FILE), result.toJson(), StandardCharsets.UTF_8);
    return result;
  }
}
