package org.visionzero.ops.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.Purpose;
import org.visionzero.events.Winner;
import org.visionzero.logtools.replay.GameFilter;
import org.visionzero.logtools.replay.GameIndex;
import org.visionzero.logtools.replay.GameReplay;
import org.visionzero.logtools.replay.GameSummary;
import org.visionzero.logtools.replay.PairLookup;
import org.visionzero.logtools.replay.ReplayHtml;
import org.visionzero.logtools.replay.Timeline;
import org.visionzero.ops.cli.options.BlobStoreOptions;
import org.visionzero.ops.config.KafkaClientConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz replay}: a game's timeline from the log, or a list of games. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Replay a game from the log (--game ID), or list games (--list).",
        "Prints every recorded event in order with its seat, role, policy version, clue or votes, then the "
            + "outcome and rewards; --html writes a page with both images and the differences outlined."})
public final class ReplayCommand extends ClusterCommand {

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  static final class What {
    @Option(names = "--game", paramLabel = "ID", description = "The game to replay.")
    String gameId;
    @Option(names = "--list", description = "List games instead (filters: --since, --policy-version, --winner, --purpose).")
    boolean list;
  }

  @Option(names = "--html", paramLabel = "FILE", description = "Also write the replay as an HTML page.")
  Path html;
  @Option(names = "--since", paramLabel = "TIME", description = "--list: games started at or after (ISO-8601).")
  Instant since;
  @Option(names = "--policy-version", paramLabel = "N", description = "--list: games where any seat played version N.")
  Integer version;
  @Option(names = "--winner", paramLabel = "civilians|spy", description = "--list: games this side won.")
  String winner;
  @Option(names = "--purpose", paramLabel = "training|evaluation", description = "--list: games of this purpose.")
  String purpose;
  @Option(names = "--timeout-s", paramLabel = "S", defaultValue = "30", description = "Read timeout (default 30).")
  long timeoutSeconds;

  @Mixin
  BlobStoreOptions blobs;

  @Override
  void run(KafkaClientConfig settings) throws TimeoutException {
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    try (KafkaConsumer<String, byte[]> consumer = LogReaders.open(settings)) {
      if (what.list) {
        GameFilter filter = GameFilter.all().since(since).policyVersion(version)
            .winner(winner == null ? null : Winner.valueOf(winner.toUpperCase(Locale.ROOT)))
            .purpose(purpose == null ? null : Purpose.valueOf(purpose.toUpperCase(Locale.ROOT)));
        List<GameSummary> games = GameIndex.list(consumer, settings.topicCatalog(), filter, timeout);
        output.printJson(GameSummary.toJson(games), () -> games.isEmpty() ? "No games match."
            : String.join("\n", games.stream().map(GameSummary::toLine).toList()));
        return;
      }
      Timeline timeline = GameReplay.read(consumer, settings.topicCatalog(), what.gameId, timeout);
      if (html != null) {
        ImagePairCreated pair = PairLookup.find(consumer, settings.topicCatalog(), timeline.started().getPairId(),
            timeout).orElseThrow(() -> new IllegalStateException("the image pair " + timeline.started().getPairId()
                + " of game " + what.gameId + " is not in " + settings.topicCatalog().imagePairs().name()));
        ReplayHtml.write(timeline, pair, blobs.open(), html);
        output.progress("Wrote " + html.toAbsolutePath());
      }
      output.printJson(timeline.toJson(), timeline::toText);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + html + ": " + e.getMessage(), e);
    }
  }
}
