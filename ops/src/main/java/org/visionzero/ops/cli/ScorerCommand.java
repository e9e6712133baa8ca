package org.visionzero.ops.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
  StreamsOptions streams;
  @Mixin
  OutputOptions output;

  @Override
  public void run() {
    ScorerConfig settings = streams.load(ScorerConfig.CONFIG_DEF, ScorerConfig::scorer);
    Foreground.startAndRunUntilStopped(() -> new ScorerApp(settings, new SimpleMeterRegistry()).start(),
        app -> output.progress("Scorer running; Ctrl-C to stop."), app -> output.progress("Scorer stopped."));
  }
}
