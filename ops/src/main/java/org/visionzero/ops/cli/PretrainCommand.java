package org.visionzero.ops.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.visionzero.events.BlobRef;
import org.visionzero.ops.cli.options.BlobStoreOptions;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.progress.ConsoleProgress;
import org.visionzero.ops.progress.PretrainProgress;
import org.visionzero.ops.run.CheckpointHash;
import org.visionzero.ops.run.SceneCaptionSource;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.train.PretrainOptions;
import org.visionzero.policy.train.PretrainResult;
import org.visionzero.policy.train.Pretrainer;
import org.visionzero.policy.train.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz pretrain}: the base model v0, captioning generated scenes from their scene graphs. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
    description = {"Pretrain the base model v0 on generated scenes.",
        "Supervised captioning from the renderer's scene graphs; the decision head stays untrained, so v0 votes "
            + "at about chance. Writes the checkpoint to the blob store and to --out, and its sha256 to --out.sha256."})
public final class PretrainCommand implements Runnable {

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "540",
      description = "Training time budget in seconds (default 540); held-out evaluation follows.")
  long seconds;
  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default 1).")
  long seed;
  @Option(names = "--size", paramLabel = "PX", defaultValue = "128", description = "Scene size (default 128).")
  int size;
  @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto", description = "Where to train.")
  String device;
  @Option(names = "--out", paramLabel = "FILE", defaultValue = "vz-data/v0.ckpt",
      description = "Checkpoint file to write (default vz-data/v0.ckpt).")
  Path out;

  @Mixin
  BlobStoreOptions blobs;
  @Mixin
  OutputOptions output;

  @Override
  public void run() {
    if (seconds < 1) {
      throw new IllegalArgumentException("--seconds must be at least 1, was " + seconds);
    }
    try {
      if (out.toAbsolutePath().getParent() != null) {
        Files.createDirectories(out.toAbsolutePath().getParent());
      }
      PretrainOptions defaults = PretrainOptions.defaults(out);
      PretrainOptions options = new PretrainOptions(seed, defaults.batchSize(), defaults.maxSteps(),
          Duration.ofSeconds(seconds), defaults.learningRate(), defaults.heldOutPairs(), defaults.heldOutGames(),
          defaults.poolSize(), device, out);
      ProgressListener progress = output.json() ? (done, step, loss, elapsed) -> { }
          : PretrainProgress.on(ConsoleProgress.onStderr(ConsoleProgress.LOG_EVERY));
      PretrainResult result = Pretrainer.run(options, new SceneCaptionSource(size), progress);
      byte[] checkpoint = Files.readAllBytes(out);
      CheckpointHash.write(out, checkpoint); // vz run --v0 FILE checks the file against it
      BlobRef stored = blobs.open().put(checkpoint, Checkpoints.MEDIA_TYPE);
      String json = result.toJson().replaceFirst("}$", ",\"checkpointFile\":\"" + jsonPath(out)
          + "\",\"checkpointUri\":\"" + stored.getUri() + "\"}");
      output.printJson(json, () -> String.format(java.util.Locale.ROOT,
          "v0 after %d steps (%.0f s, %.2f cores busy): held-out caption token accuracy %.3f, decision accuracy "
              + "%.3f (no image %.3f)%nCheckpoint %s (sha256 %s, also in %s), stored as %s",
          result.steps(), result.trainingTime().toMillis() / 1000.0, result.cpuCoresUsed(),
          result.heldOutTokenAccuracy(),
          result.heldOutDecisionAccuracy(), result.heldOutNoImageDecisionAccuracy(), out,
          result.checkpointSha256(), CheckpointHash.sidecar(out), stored.getUri()));
    } catch (IOException e) {
      throw new UncheckedIOException("pretraining could not write its checkpoint: " + e.getMessage(), e);
    }
  }

  private static String jsonPath(Path path) {
    return path.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
