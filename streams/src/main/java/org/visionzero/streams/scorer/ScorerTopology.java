package org.visionzero.streams.scorer;

import java.util.EnumSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;
import org.visionzero.game.score.TrajectoryScorer;
import org.visionzero.streams.config.ScorerConfig;
import org.visionzero.streams.config.StreamsAppSettings;
import org.visionzero.streams.routing.Outbound.Route;
import org.visionzero.streams.routing.OutboundRoutes;
import org.visionzero.topics.TopicCatalog;

/** game-events → (fold per game, score on completion) → trajectories. */
public final class ScorerTopology {
  /** Per game: the accepted events (GameStateCodec bytes). */
  public static final String GAMES_STORE = "scorer-games";
  public static final String PROCESSOR = "scorer-processor";
  /** The reward constants of every game: its own recorded mode's. Rescore checks trajectories by the same. */
  public static final TrajectoryScorer RULES = TrajectoryScorer.byGameMode();

  private ScorerTopology() {}

  public static Topology build(ScorerConfig config, ScorerMetrics metrics) {
    TopicCatalog topics = config.topics();
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(config.streamsProperties())));
    builder.addStateStore(Stores.keyValueStoreBuilder(StreamsAppSettings.storeSupplier(config, GAMES_STORE),
        Serdes.String(), Serdes.ByteArray()));
    TrajectoryScorer scorer = RULES;
    var out = builder
        .stream(topics.gameEvents().name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("scorer-game-events-source"))
        .process(() -> new ScoringProcessor(scorer, topics.gameEvents().valueSerde().deserializer(), metrics),
            Named.as(PROCESSOR), GAMES_STORE);
    OutboundRoutes.toTopics(OutboundRoutes.split(out, PROCESSOR, EnumSet.of(Route.TRAJECTORY, Route.DEAD_LETTER)),
        PROCESSOR, topics);
    return builder.build();
  }
}
