package org.visionzero.ops.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.visionzero.ops.progress.ConsoleProgress;
import org.visionzero.ops.progress.PretrainProgress;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.checkpoint.EchoOff;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.train.PretrainOptions;
import org.visionzero.policy.train.PretrainResult;
import org.visionzero.policy.train.Pretrainer;
import org.visionzero.trainer.LearnerFactory;
import org.visionzero.trainer.djl.DjlLearners;
import org.visionzero.workers.policy.ModelPolicyFactory;
import org.visionzero.workers.policy.PolicyFactory;

/**
 * The DJL vision-language model: workers load its checkpoints, the trainer trains it, and v0 is pretrained on
 * the producers' scenes (captioning) within a time budget when asked to; by default v0 is the one shipped with
 * vz ({@link ShippedV0}).
 */
public final class ModelRuntime implements PolicyRuntime {

  private static final int HELD_OUT_PAIRS = 256;
  private static final int HELD_OUT_GAMES = 100;
  private static final int MAX_STEPS = 1_000_000;

  private final ModelPolicyFactory factory = ModelPolicyFactory.standard();
  private final int imageSize;
  private final Duration pretrainBudget;
  private final long pretrainSeed;
  private final double partialCaptions;
  private final V0Choice v0Choice;
  private final boolean echo;

  /**
   * @param partialCaptions share of pretraining captions cut short ({@code PretrainOptions.partialCaptions})
   * @param v0Choice        the shipped v0, one pretrained now, or a checkpoint file
   */
  public ModelRuntime(int imageSize, Duration pretrainBudget, long pretrainSeed, double partialCaptions,
      V0Choice v0Choice) {
    this(imageSize, pretrainBudget, pretrainSeed, partialCaptions, v0Choice, true);
  }

  /**
   * @param echo false publishes v0 with its echo logits off ({@code policy.echo=off}), so that no version echoes
   */
  public ModelRuntime(int imageSize, Duration pretrainBudget, long pretrainSeed, double partialCaptions,
      V0Choice v0Choice, boolean echo) {
    this.echo = echo;
    this.imageSize = imageSize;
    this.pretrainBudget = pretrainBudget;
    this.pretrainSeed = pretrainSeed;
    this.partialCaptions = partialCaptions;
    this.v0Choice = v0Choice;
  }

  @Override
  public String policyName() {
    return VzModel.POLICY_NAME;
  }

  @Override
  public PolicyFactory workerPolicies() {
    return factory;
  }

  @Override
  public Optional<LearnerFactory> learners() {
    return Optional.of(DjlLearners::create);
  }

  @Override
  public V0 createV0(Path workDir, Consumer<String> progress) throws Exception {
    V0 v0 = chosenV0(workDir, progress);
    if (echo) {
      return v0;
    }
    progress.accept("policy.echo=off: v0 is published with its echo logits off (no version echoes)");
    return new V0(EchoOff.apply(v0.bytes()), v0.mediaType(), v0.architecture(), v0.description() + ", echo off");
  }

  private V0 chosenV0(Path workDir, Consumer<String> progress) throws Exception {
    if (v0Choice.kind() == V0Choice.Kind.SHIPPED) {
      return new V0(ShippedV0.bytes(), Checkpoints.MEDIA_TYPE, factory.architecture(policyName()),
          "shipped with vz, sha256 " + ShippedV0.sha256());
    }
    if (v0Choice.kind() == V0Choice.Kind.FILE) {
      Path file = v0Choice.file().orElseThrow();
      return new V0(CheckpointHash.readVerified(file), Checkpoints.MEDIA_TYPE, factory.architecture(policyName()),
          "given " + file);
    }
    progress.accept("pretraining v0 on " + imageSize + "px scenes for up to " + pretrainBudget.toSeconds() + " s");
    Path file = workDir.resolve("pretrained-v0.ckpt");
    PretrainOptions options = new PretrainOptions(pretrainSeed, PretrainOptions.DEFAULT_BATCH, MAX_STEPS,
        pretrainBudget, PretrainOptions.DEFAULT_LEARNING_RATE, HELD_OUT_PAIRS, HELD_OUT_GAMES, "cpu", file)
        .withPartialCaptions(partialCaptions);
    PretrainResult result = Pretrainer.run(options, new SceneCaptionSource(imageSize),
        PretrainProgress.on(ConsoleProgress.onStderr(ConsoleProgress.LOG_EVERY)));
    progress.accept("pretrained v0: " + result.toJson());
    return new V0(Files.readAllBytes(file), Checkpoints.MEDIA_TYPE, factory.architecture(policyName()),
        "pretrained: " + result.toJson());
  }
}
