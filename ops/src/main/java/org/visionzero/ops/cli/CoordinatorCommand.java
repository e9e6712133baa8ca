package org.visionzero.ops.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.visionzero.ops.checkpoint.StoredCheckpointBlobs;
import org.visionzero.ops.cli.options.BlobStoreOptions;
import org.visionzero.ops.cli.options.ConfigKey;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.cli.options.StreamsOptions;
import org.visionzero.streams.config.CoordinatorConfig;
import org.visionzero.streams.coordinator.CoordinatorApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz coordinator}: the game coordinator topology as its own process. */
@Command(name = "coordinator", mixinStandardHelpOptions = true,
    description = {"Run the game coordinator (Kafka Streams) until Ctrl-C.",
        "Starts games from image pairs and game requests, folds answers, requests turns, retries timed-out "
            + "turns; run several instances with the same --application-id to share the partitions.",
        "Verifies the blob of every checkpoint event in --blob-dir (the store the trainer writes to)."})
public final class CoordinatorCommand implements Runnable {

  @ConfigKey(CoordinatorConfig.MAX_GAMES_IN_FLIGHT)
  @Option(names = "--max-games-in-flight", paramLabel = "N", description = "Backpressure bound (default 64).")
  String maxGamesInFlight;
  @ConfigKey(CoordinatorConfig.TURN_TIMEOUT_MS)
  @Option(names = "--turn-timeout-ms", paramLabel = "MS", description = "Turn timeout before a retry (default 30000).")
  String turnTimeoutMs;
  @ConfigKey(CoordinatorConfig.MAX_ATTEMPTS)
  @Option(names = "--max-attempts", paramLabel = "N", description = "Attempts per turn before abort (default 3).")
  String maxAttempts;
  @ConfigKey(CoordinatorConfig.GAME_MODE)
  @Option(names = "--mode", paramLabel = "code|paper", description = "Game rules (default code).")
  String mode;

  @Mixin
  StreamsOptions streams;
  /** The blobs of checkpoint events, which the coordinator verifies as it reads them. */
  @Mixin
  BlobStoreOptions blobs;
  @Mixin
  OutputOptions output;

  @Override
  public void run() {
    CoordinatorConfig settings = streams.load(CoordinatorConfig.CONFIG_DEF, CoordinatorConfig::new, this);
    Foreground.startAndRunUntilStopped(() -> new CoordinatorApp(settings, new SimpleMeterRegistry(),
        new StoredCheckpointBlobs(blobs.open())).start(),
        app -> output.progress("Coordinator '" + settings.applicationId() + "' running on "
            + settings.streamsProperties().get("bootstrap.servers") + ", verifying checkpoint blobs in "
            + blobs.directory() + "; Ctrl-C to stop."),
        app -> output.progress("Coordinator stopped."));
  }
}
