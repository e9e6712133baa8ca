package org.visionzero.streams.leaderboard;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.visionzero.events.DeadLetter;
import org.visionzero.streams.config.ScorerConfig;
import org.visionzero.streams.config.StreamsAppSettings;
import org.visionzero.topics.TopicCatalog;

/**
 * trajectories → evaluation games only → rows keyed by (civilian policy version, spy policy version) →
 * summed into the queryable store {@value #STORE}.
 */
public final class LeaderboardTopology {
  public static final String STORE = "leaderboard";
  /** Repartition topic (suffix {@code -repartition}) that groups games by pairing. */
  public static final String BY_PAIRING = "leaderboard-by-pairing";
  private static final String FILTER = "leaderboard-evaluation-games";

  private LeaderboardTopology() {}

  public static Topology build(ScorerConfig config) {
    TopicCatalog topics = config.topics();
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(config.streamsProperties())));
    LeaderboardRowSerde rows = new LeaderboardRowSerde();
    Map<String, KStream<String, Object>> branches = builder
        .stream(topics.trajectories().name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("leaderboard-trajectories-source"))
        .process(() -> new EvaluationFilter(topics.trajectories().valueSerde().deserializer()), Named.as(FILTER))
        .split(Named.as(FILTER + "-"))
        .branch((key, value) -> value instanceof DeadLetter, Branched.as("dead-letters"))
        .defaultBranch(Branched.as("rows"));
    branches.get(FILTER + "-dead-letters")
        .mapValues(value -> (DeadLetter) value, Named.as("leaderboard-dead-letter-value"))
        .to(topics.deadLetters().name(), Produced.with(Serdes.String(), topics.deadLetters().valueSerde())
            .withName("leaderboard-to-dead-letters"));
    branches.get(FILTER + "-rows")
        .mapValues(value -> (LeaderboardRow) value, Named.as("leaderboard-row-value"))
        .groupByKey(Grouped.with(BY_PAIRING, Serdes.String(), rows))
        .reduce(LeaderboardRow::plus, Named.as("leaderboard-sum"),
            Materialized.<String, LeaderboardRow>as(StreamsAppSettings.storeSupplier(config, STORE))
                .withKeySerde(Serdes.String()).withValueSerde(rows));
    return builder.build();
  }
}
