package org.visionzero.ops.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.visionzero.ops.cli.options.BlobStoreOptions;
import org.visionzero.ops.cli.options.ClientPassthrough;
import org.visionzero.ops.cli.options.ClusterOptions;
import org.visionzero.ops.cli.options.ConfigKey;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.trainer.TrainerApp;
import org.visionzero.trainer.TrainerConfig;
import org.visionzero.trainer.djl.DjlLearners;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz trainer}: the Iterative-SPO trainer as its own process. */
@Command(name = "trainer", mixinStandardHelpOptions = true,
    description = {"Run the Iterative-SPO trainer until its last step or Ctrl-C.",
        "Consumes scored trajectories (read_committed), takes GRPO steps, publishes checkpoints; restarting it "
            + "resumes from its latest checkpoint and the offsets stored in it."})
public final class TrainerCommand implements Runnable {

  private static final Duration WAIT_FOREVER = Duration.ofDays(3650);

  @ConfigKey(TrainerConfig.RUN_ID)
  @Option(names = "--run-id", paramLabel = "ID", description = "Training run id (default run-1).")
  String runId;
  @ConfigKey(TrainerConfig.BASE_CHECKPOINT)
  @Option(names = "--base-checkpoint", paramLabel = "FILE", description = "Checkpoint file of v0.")
  String baseCheckpoint;
  @ConfigKey(TrainerConfig.TOTAL_STEPS)
  @Option(names = "--steps", paramLabel = "N", description = "Optimizer steps of the run (default 280).")
  String steps;
  @ConfigKey(TrainerConfig.GAMES_PER_STEP)
  @Option(names = "--games-per-step", paramLabel = "G", description = "Training games per step (default 8).")
  String gamesPerStep;
  @ConfigKey(TrainerConfig.MODE)
  @Option(names = "--mode", paramLabel = "code|paper", description = "Rules and Iterative-SPO defaults.")
  String mode;
  @ConfigKey(TrainerConfig.DEVICE)
  @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "Where the model trains.")
  String device;

  @Mixin
  ClusterOptions cluster;
  @Mixin
  BlobStoreOptions blobs;
  @Mixin
  OutputOptions output;

  @Override
  public void run() {
    TrainerConfig settings = cluster.load(TrainerConfig.definition(),
        ClientPassthrough.into(TrainerConfig.KAFKA_PREFIX, TrainerConfig::new), this,
        blobs.setting(TrainerConfig.BLOB_DIR));
    TrainerApp app;
    try {
      app = TrainerApp.start(settings, DjlLearners::create, new SimpleMeterRegistry());
      output.progress("Trainer run '" + settings.runId() + "' at step " + app.state().step()
          + "; Ctrl-C to stop (a restart resumes).");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(app), "vz-trainer-shutdown"));
      app.await(WAIT_FOREVER);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException("trainer could not start: " + e.getMessage(), e);
    }
    if (app.failure() != null) {
      throw new IllegalStateException("trainer failed (restart to resume): " + app.failure(), app.failure());
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("runId", settings.runId());
    result.put("step", app.state().step());
    result.put("gamesTrained", app.state().counters().gamesTrained());
    output.print(result, () -> "Trainer finished run " + settings.runId() + " at step " + app.state().step());
  }

  private static void closeQuietly(TrainerApp app) {
    try {
      app.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
