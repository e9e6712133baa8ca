package org.visionzero.streams.coordinator;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.visionzero.game.fold.GameDecider;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.streams.config.CoordinatorConfig;
import org.visionzero.streams.routing.Outbound;
import org.visionzero.streams.routing.Outbound.Route;
import org.visionzero.streams.routing.OutboundRoutes;
import org.visionzero.topics.TopicCatalog;

/**
 * The coordinator as two sub-topologies (see the package documentation):
 * <ol>
 *   <li><b>admission</b>, one task: image pairs, game requests, checkpoints and ended-game ids (a named,
 *   single-partition repartition topic) in; {@code GameStarted} out to game-events;</li>
 *   <li><b>games</b>, one task per game-events partition: folds each game, writes turn requests, retries,
 *   completions and aborts, and sends the ids of ended games back to admission.</li>
 * </ol>
 */
public final class CoordinatorTopology {
  /** Processor names, also the prefixes of their routing nodes. */
  public static final String ADMISSION = "coordinator-admission";
  public static final String GAMES = "coordinator-games-processor";

  private CoordinatorTopology() {}

  /** The topology, refusing unsigned checkpoint events when {@code VZ_CHECKPOINT_KEY} is set. */
  public static Topology build(CoordinatorConfig config, CoordinatorMetrics metrics) {
    return build(config, metrics, CheckpointBlobCheck.NONE);
  }

  /** The same, verifying each checkpoint event's blob with {@code blobCheck}. */
  public static Topology build(CoordinatorConfig config, CoordinatorMetrics metrics, CheckpointBlobCheck blobCheck) {
    return build(config, metrics, CheckpointSignature.fromEnvironment(System.getenv()), blobCheck);
  }

  /** The topology, checking checkpoint signatures with {@code signature} and no checkpoint blob. */
  public static Topology build(CoordinatorConfig config, CoordinatorMetrics metrics, CheckpointSignature signature) {
    return build(config, metrics, signature, CheckpointBlobCheck.NONE);
  }

  /**
   * The topology, refusing checkpoint events whose signature ({@code signature}) or blob ({@code blobCheck}) does
   * not verify.
   */
  public static Topology build(CoordinatorConfig config, CoordinatorMetrics metrics, CheckpointSignature signature,
      CheckpointBlobCheck blobCheck) {
    TopicCatalog topics = config.topics();
    GameDecider decider = new GameDecider(config.gameConfig());
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(config.streamsProperties())));
    builder.addStateStore(CoordinatorStores.bytesStore(config, CoordinatorStores.GAMES));
    builder.addStateStore(CoordinatorStores.longStore(config, CoordinatorStores.DEADLINES));
    builder.addStateStore(CoordinatorStores.bytesStore(config, CoordinatorStores.PAIRS));
    builder.addStateStore(CoordinatorStores.intStore(config, CoordinatorStores.POLICIES));
    builder.addStateStore(CoordinatorStores.bytesStore(config, CoordinatorStores.QUEUE));
    builder.addStateStore(CoordinatorStores.longStore(config, CoordinatorStores.IN_FLIGHT));
    builder.addStateStore(CoordinatorStores.longStore(config, CoordinatorStores.ADMITTED));
    builder.addStateStore(CoordinatorStores.longStore(config, CoordinatorStores.COUNTERS));

    KStream<String, Outbound> gameOut = builder
        .stream(topics.gameEvents().name(), raw("coordinator-game-events-source"))
        .process(() -> new GameProcessor(decider, config.punctuationInterval(),
                topics.gameEvents().valueSerde().deserializer(), metrics),
            Named.as(GAMES), CoordinatorStores.GAMES, CoordinatorStores.DEADLINES);
    Map<Route, KStream<String, Outbound>> gameRoutes = OutboundRoutes.split(gameOut, GAMES,
        EnumSet.of(Route.GAME_EVENT, Route.TURN_REQUEST, Route.DEAD_LETTER, Route.RELEASE));
    OutboundRoutes.toTopics(gameRoutes, GAMES, topics);

    KStream<String, AdmissionInput> releases = gameRoutes.get(Route.RELEASE)
        .mapValues(out -> out.valueAs(String.class).getBytes(StandardCharsets.UTF_8),
            Named.as("coordinator-release-id"))
        .repartition(Repartitioned.<String, byte[]>as(CoordinatorStores.RELEASES)
            .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()).withNumberOfPartitions(1))
        .mapValues(AdmissionInput::release, Named.as("coordinator-releases-in"));
    KStream<String, AdmissionInput> pairs = builder
        .stream(topics.imagePairs().name(), raw("coordinator-image-pairs-source"))
        .mapValues(AdmissionInput::imagePair, Named.as("coordinator-image-pairs-in"));
    KStream<String, AdmissionInput> requests = builder
        .stream(topics.gameRequests().name(), raw("coordinator-game-requests-source"))
        .mapValues(AdmissionInput::gameRequest, Named.as("coordinator-game-requests-in"));
    KStream<String, AdmissionInput> checkpoints = builder
        .stream(topics.checkpoints().name(), raw("coordinator-checkpoints-source"))
        .mapValues(AdmissionInput::checkpoint, Named.as("coordinator-checkpoints-in"));

    KStream<String, Outbound> admissionOut = checkpoints
        .merge(pairs, Named.as("coordinator-merge-pairs"))
        .merge(requests, Named.as("coordinator-merge-requests"))
        .merge(releases, Named.as("coordinator-merge-releases"))
        .process(() -> new AdmissionProcessor(decider, config.maxGamesInFlight(), config.trainingPolicy(), topics,
                metrics, signature, blobCheck),
            Named.as(ADMISSION), CoordinatorStores.PAIRS, CoordinatorStores.POLICIES, CoordinatorStores.QUEUE,
            CoordinatorStores.IN_FLIGHT, CoordinatorStores.ADMITTED, CoordinatorStores.COUNTERS);
    OutboundRoutes.toTopics(OutboundRoutes.split(admissionOut, ADMISSION,
        EnumSet.of(Route.GAME_EVENT, Route.DEAD_LETTER)), ADMISSION, topics);
    return builder.build();
  }

  private static Consumed<String, byte[]> raw(String name) {
    // Values stay bytes until a processor decodes them, so a poison record becomes a dead letter.
    return Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name);
  }
}
