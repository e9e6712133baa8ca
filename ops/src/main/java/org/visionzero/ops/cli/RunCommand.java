package org.visionzero.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.visionzero.json.Json;
import org.visionzero.ops.cli.options.BrokerOptions;
import org.visionzero.ops.cli.options.ClusterOptions;
import org.visionzero.ops.cli.options.ConfigKey;
import org.visionzero.ops.cli.options.MetricsOptions;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.config.VzConfigException;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.metrics.MetricsEndpoint;
import org.visionzero.ops.progress.ConsoleProgress;
import org.visionzero.ops.report.Headline;
import org.visionzero.ops.report.RunReport;
import org.visionzero.ops.run.Pipeline;
import org.visionzero.ops.run.PolicyRuntimes;
import org.visionzero.ops.run.SyncBaseline;
import org.visionzero.ops.run.VzRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz run}: the whole system in one process, until its steps or duration are done, or Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the whole system in one process, then write its report.",
        "Starts the embedded Kafka broker unless --bootstrap-servers names a cluster, creates the topics, "
            + "pretrains v0 if there is none, and runs producer, coordinator, scorer, workers, trainer and "
            + "evaluator wired through Kafka. Stops on --steps, --duration or Ctrl-C; writes summary.json and "
            + "report.html under <data-dir>/runs/<run-id>/. A second run on the same data dir continues."})
public final class RunCommand implements Runnable {

  /** Longest a Ctrl-C waits for the run to write its report and stop. */
  private static final long SHUTDOWN_WAIT_SECONDS = 120;

  @ConfigKey(VzRunConfig.STEPS)
  @Option(names = "--steps", paramLabel = "N", description = "Training steps (default 400).")
  String steps;
  @ConfigKey(VzRunConfig.DURATION)
  @Option(names = "--duration", paramLabel = "D", description = "Stop after D, e.g. 30m (default: no limit).")
  String duration;
  @ConfigKey(VzRunConfig.WORKERS)
  @Option(names = "--workers", paramLabel = "N", description = "Worker instances (default 1).")
  String workers;
  @ConfigKey(VzRunConfig.POLICY)
  @Option(names = "--policy", paramLabel = "model|random",
      description = "model (default): the DJL model, trained; random: scripted, no trainer.")
  String policy;
  @ConfigKey(VzRunConfig.V0_CHECKPOINT)
  @Option(names = "--v0", paramLabel = "shipped|pretrain|FILE",
      description = "Where v0 comes from: the v0 shipped with vz (default: self-play starts at once), one "
          + "pretrained now (within --duration), or a checkpoint file.")
  String v0;
  @Option(names = "--verbose", description = "Log the detail that is quiet by default: every trainer step, "
      + "checkpoint loads, Kafka's INFO lines.")
  boolean verbose;
  @ConfigKey(VzRunConfig.RUN_ID)
  @Option(names = "--run-id", paramLabel = "ID", description = "Run id; reuse it to resume (default run-1).")
  String runId;
  @ConfigKey(VzRunConfig.EVAL_FINAL_GAMES)
  @Option(names = "--eval-final-games", paramLabel = "N",
      description = "Evaluation games per arm of the final version (default 500; 0: none).")
  String evalFinalGames;
  @ConfigKey(VzRunConfig.PRODUCE_RATE)
  @Option(names = "--produce-rate", paramLabel = "R", description = "Image pairs per second (default 50).")
  String produceRate;
  @Option(names = "--sync", description = "Run the synchronous baseline instead (one thread, no Kafka).")
  boolean sync;

  @Mixin
  BrokerOptions broker;
  @Mixin
  ClusterOptions cluster;
  @Mixin
  MetricsOptions metrics;
  @Mixin
  OutputOptions output;

  private void runSynchronously(VzRunConfig settings) {
    try {
      org.visionzero.trainer.sync.SyncResult result = SyncBaseline.run(settings, output::progress);
      output.printJson(result.toJson(), result::toJson);
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public void run() {
    Instant started = Instant.now(); // --duration bounds the whole command, the broker's start-up included
    if (verbose) {
      LogLevels.verbose();
    }
    VzRunConfig settings = cluster.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new, broker, metrics, this);
    settings.plan().refusal().ifPresent(tooShort -> {
      throw new VzConfigException(tooShort);
    });
    if (sync) {
      runSynchronously(settings);
      return;
    }
    AtomicBoolean stopRequested = new AtomicBoolean();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stopRequested.set(true);
      try {
        stopped.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "vz-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (VzRun running = VzRun.start(settings)) {
      MeterRegistry registry = running.metrics().<MeterRegistry>map(MetricsEndpoint::registry)
          .orElseGet(SimpleMeterRegistry::new);
      output.progress("Kafka at " + running.bootstrapServers()
          + running.dataDir().map(dir -> " (embedded broker, data in " + dir + ")").orElse(" (external cluster)")
          + running.metrics().map(endpoint -> "; metrics at " + endpoint.url()).orElse(""));
      Pipeline pipeline = Pipeline.start(running, settings, PolicyRuntimes.forConfig(settings), registry,
          output::progress, started);
      String steps = settings.steps() == VzRunConfig.OPEN_ENDED_STEPS ? "" : settings.steps() + " steps or ";
      output.progress("Self-play; stops after " + steps
          + settings.selfPlayDeadline().map(d -> ConsoleProgress.time(d) + " from the start or ").orElse("")
          + "on Ctrl-C" + (settings.plan().finalEval().isZero() ? "."
          : ", then a final evaluation of at most " + ConsoleProgress.time(settings.plan().finalEval()) + "."));
      Pipeline.End end = pipeline.awaitEnd(settings.selfPlayDeadline(), stopRequested::get);
      output.progress("Stopping (" + end.name().toLowerCase(java.util.Locale.ROOT) + ")");
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("bootstrapServers", running.bootstrapServers());
      extra.put("metricsUrl", running.metrics().map(MetricsEndpoint::url).orElse(null));
      // after Ctrl-C or on a low disk, no final evaluation: stop soon and write little
      boolean evaluate = end != Pipeline.End.STOP_REQUESTED && end != Pipeline.End.DISK_LOW;
      Path report = pipeline.finish(end, evaluate, extra, settings.plan().finalEval());
      String summary = java.nio.file.Files.readString(pipeline.runDir().resolve(RunReport.SUMMARY_FILE));
      JsonNode figures = Json.mapper().readTree(summary);
      output.printJson(summary, () -> String.join("\n", Headline.lines(figures, pipeline.runDir(), report)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("vz run interrupted", e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    } finally {
      stopped.countDown();
      if (!stopRequested.get()) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the JVM is already stopping; the hook is running
        }
      }
    }
  }
}
