package org.visionzero.ops.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.visionzero.ops.bench.LearningBenchSeries;
import org.visionzero.ops.bench.LearningBenchmark;
import org.visionzero.ops.cli.options.ConfigFileOption;
import org.visionzero.ops.cli.options.ConfigKey;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.config.DurationText;
import org.visionzero.ops.config.VzConfigException;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.files.ScratchDir;
import org.visionzero.ops.run.ChildVz;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz bench learning}: time to a held-out decision accuracy, streaming pipeline against the sync loop. */
@Command(name = "learning", mixinStandardHelpOptions = true,
    description = {"Time to a target held-out accuracy: streaming vs the sync loop.",
        "For each of --seeds, runs vz run (fresh embedded broker and data dir) and the vz run --sync loop, each in "
            + "a fresh JVM, for --duration, from the same v0 (--v0: the shipped one, one pretrained once, or a file) "
            + "with the same seed and trainer settings; reports each arm's seconds to --target, its last held-out "
            + "figures, games/s and CPU, and the ratios of the medians over the seeds."})
public final class LearningBenchCommand implements Runnable {

  @ConfigKey(VzRunConfig.DURATION)
  @Option(names = "--duration", paramLabel = "D", defaultValue = "5m",
      description = "How long each arm trains, e.g. 5m, 90s (default 5m).")
  String duration;
  @Option(names = "--target", paramLabel = "ACC", defaultValue = "0.8",
      description = "Held-out decision accuracy to time (default 0.8).")
  double target;
  @ConfigKey(VzRunConfig.V0_CHECKPOINT)
  @Option(names = "--v0", paramLabel = "shipped|pretrain|FILE", description = "The v0 of both arms: the v0 "
      + "shipped with vz (default), one pretrained once for both (pretrain.budget), or a checkpoint file.")
  String v0;
  @ConfigKey(VzRunConfig.STEPS)
  @Option(names = "--steps", paramLabel = "N", description = "Training steps at most, both arms (run.steps).")
  String steps;
  @Option(names = "--eval-interval", paramLabel = "D", defaultValue = "5s",
      description = "Both arms evaluate their newest weights after every D of their clock, the time counted in "
          + "both (default 5s).")
  String evalInterval;
  @Option(names = "--eval-games", paramLabel = "N", defaultValue = "16",
      description = "Held-out games per evaluation and arm, both arms (default 16; 0: eval.games.per.arm).")
  int evalGames;
  @Option(names = "--final-games", paramLabel = "N", defaultValue = "64",
      description = "Games per arm of the streaming arm's final evaluation (default 64).")
  int finalGames;
  @Option(names = "--seeds", paramLabel = "S,...", split = ",", description = "Seeds of the pairs and the model, "
      + "one pair of arms each, in alternating order (default: produce.seed alone).")
  List<Long> seeds;
  @Option(names = "--arm", paramLabel = "streaming|sync", hidden = true,
      description = "Run this one arm here and write it to --arm-output (how the benchmark starts each arm).")
  String arm;
  @Option(names = "--arm-output", paramLabel = "FILE", hidden = true, description = "Where --arm writes its figures.")
  Path armOutput;
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "An empty or new directory for v0 and both arms' data (default: a new temporary one).")
  Path dataDir;

  @Mixin
  ConfigFileOption config;
  @Mixin
  OutputOptions output;

  @Override
  public void run() {
    VzRunConfig settings = config.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new, this);
    if (arm != null) {
      runOneArm(settings);
      return;
    }
    guarded("benchmark", () -> {
      // without --data-dir the arms' brokers and blobs live in a scratch directory, deleted at the end
      try (ScratchDir scratch = dataDir == null ? ScratchDir.create("vz-bench-learning") : null) {
        LearningBenchmark.Options options = options(settings, scratch != null ? scratch.path() : workDir());
        output.progress("vz bench learning in " + options.workDir());
        List<Long> runSeeds = seeds == null || seeds.isEmpty() ? List.of(settings.produceSeed()) : seeds;
        LearningBenchSeries result = LearningBenchmark.run(settings, options, runSeeds, ChildVz::run,
            output::progress);
        output.printJson(OutputOptions.toJson(result.toJson()), result::toText);
      }
    });
  }

  /** {@code --arm}: one arm in this JVM, its figures written to {@code --arm-output} for the parent. */
  private void runOneArm(VzRunConfig settings) {
    if (armOutput == null || dataDir == null) {
      throw new VzConfigException("--arm needs --arm-output FILE and --data-dir DIR");
    }
    guarded("benchmark arm", () -> LearningBenchmark.writeArm(
        LearningBenchmark.runArm(settings, options(settings, dataDir), arm, dataDir, output::progress), armOutput));
  }

  private interface Work {
    void run() throws Exception;
  }

  /** Runs {@code work}; a checked failure becomes a clear error naming {@code what}, an interrupt stays one. */
  private static void guarded(String what, Work work) {
    try {
      work.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }
  }

  private LearningBenchmark.Options options(VzRunConfig settings, Path work) {
    return new LearningBenchmark.Options(settings.duration().orElseThrow(), target,
        DurationText.parse("--eval-interval", evalInterval), evalGames, finalGames, work);
  }

  private Path workDir() throws IOException {
    if (Files.isDirectory(dataDir)) {
      try (Stream<Path> entries = Files.list(dataDir)) {
        if (entries.findAny().isPresent()) {
          throw new VzConfigException("--data-dir " + dataDir + " is not empty: each arm needs a fresh broker and "
              + "data dir; give a new or empty directory");
        }
      }
    } else if (Files.exists(dataDir)) {
      throw new VzConfigException("--data-dir " + dataDir + " is not a directory");
    }
    return dataDir;
  }
}
