package org.visionzero.streams.coordinator;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.visionzero.streams.config.StreamsAppSettings;

/** Names (reused by tests and operators) and builders of the coordinator's state stores and internal topics. */
public final class CoordinatorStores {
  /** Per game: the accepted events (GameStateCodec bytes). Keyed by gameId, partitioned like game-events. */
  public static final String GAMES = "coordinator-games";
  /** Per running game: epoch ms of its earliest turn deadline; the timeout punctuator scans only this. */
  public static final String DEADLINES = "coordinator-deadlines";
  /** Admission: image pairs by pairId, so requests and waiting training games can find their images. */
  public static final String PAIRS = "coordinator-pairs";
  /** Admission: current version per policy name, from the checkpoints topic. */
  public static final String POLICIES = "coordinator-policies";
  /** Admission: FIFO of pairs and requests waiting for a game slot, by zero-padded sequence number. */
  public static final String QUEUE = "coordinator-admission-queue";
  /** Admission: games in flight, by gameId (value: start time, epoch ms). */
  public static final String IN_FLIGHT = "coordinator-in-flight";
  /** Admission: eventIds of pairs and requests already admitted, so a re-delivery starts nothing. */
  public static final String ADMITTED = "coordinator-admitted";
  /** Admission: queue head/tail, in-flight count and per-pair use counts. */
  public static final String COUNTERS = "coordinator-admission-counters";
  /** Internal topic (suffix {@code -repartition}) that carries ended game ids back to the admission task. */
  public static final String RELEASES = "coordinator-admission-releases";

  private CoordinatorStores() {}

  static StoreBuilder<KeyValueStore<String, byte[]>> bytesStore(AbstractConfig config, String name) {
    return Stores.keyValueStoreBuilder(StreamsAppSettings.storeSupplier(config, name), Serdes.String(),
        Serdes.ByteArray());
  }

  static StoreBuilder<KeyValueStore<String, Long>> longStore(AbstractConfig config, String name) {
    return Stores.keyValueStoreBuilder(StreamsAppSettings.storeSupplier(config, name), Serdes.String(),
        Serdes.Long());
  }

  static StoreBuilder<KeyValueStore<String, Integer>> intStore(AbstractConfig config, String name) {
    return Stores.keyValueStoreBuilder(StreamsAppSettings.storeSupplier(config, name), Serdes.String(),
        Serdes.Integer());
  }
}
