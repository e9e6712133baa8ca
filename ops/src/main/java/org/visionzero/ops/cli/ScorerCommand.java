package org.visionzero.ops.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.visionzero.ops.cli.options.ClusterOptions;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.cli.options.StreamsOptions;
import org.visionzero.streams.config.ScorerConfig;
import org.visionzero.streams.scorer.ScorerApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vz scorer}: the trajectory scorer topology as its own process. */
@Command(name = "scorer", mixinStandardHelpOptions = true,
    description = {"Run the trajectory scorer (Kafka Streams) until Ctrl-C.",
        "Turns every completed game into one scored trajectory (zero-sum clue rewards, decision rewards and "
            + "group-normalised advantages)."})
public final class ScorerCommand implements Runnable {

  @Mixin
  ClusterOptions cluster;
  @Mixin
  StreamsOptions streams;
  @Mixin
  OutputOptions output;

  @Override
  public void run() {
    ScorerConfig settings = cluster.load(ScorerConfig.CONFIG_DEF,
        values -> ScorerConfig.scorer(StreamsOptions.withClientPassthrough(values)), streams);
    ScorerApp app = new ScorerApp(settings, new SimpleMeterRegistry()).start();
    output.progress("Scorer running; Ctrl-C to stop.");
    Foreground.runUntilStopped(app, () -> output.progress("Scorer stopped."));
  }
}
