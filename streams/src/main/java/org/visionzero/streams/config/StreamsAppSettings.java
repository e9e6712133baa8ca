package org.visionzero.streams.config;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.visionzero.streams.app.BoundedRocksDbMemory;
import org.visionzero.topics.TopicCatalog;

/**
 * Settings every Streams application of this module shares: where the cluster is, the application id, the
 * state directory (always explicit) and the topic prefix. Anything else Kafka Streams understands (security,
 * replication factor of internal topics, ...) passes through with the {@code streams.} prefix.
 */
public final class StreamsAppSettings {
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String APPLICATION_ID = "application.id";
  public static final String STATE_DIR = "state.dir";
  public static final String TOPIC_PREFIX = "topic.prefix";
  public static final String GAME_PARTITIONS = "game.partitions";
  public static final String NUM_STREAM_THREADS = "num.stream.threads";
  public static final String STATE_STORE_TYPE = "state.store.type";
  public static final String ROCKSDB = "rocksdb";
  public static final String IN_MEMORY = "in_memory";
  /** Keys with this prefix are handed to Kafka Streams unchanged (without the prefix). */
  public static final String PASSTHROUGH_PREFIX = "streams.";

  private static final String DEFAULT_BOOTSTRAP = "localhost:9092";
  /**
   * One produce request in flight per broker. Under transactions v2 a transaction's first write to a partition
   * is refused with CONCURRENT_TRANSACTIONS while the previous commit's markers are still being written (a
   * Streams commit is followed at once by the next transaction); with requests pipelined, the next batch to
   * that partition (sequence 16, say) then reaches a broker that holds no state for the producer there, which
   * rejects it and logs an ERROR with OutOfOrderSequenceException (the client retries both, so nothing is lost,
   * but every start-up of a coordinator or scorer could log it). Overridable with
   * {@code streams.producer.max.in.flight.requests.per.connection}.
   */
  static final int PRODUCER_MAX_IN_FLIGHT = 1;

  private StreamsAppSettings() {}

  /** Adds the shared settings to a definition, with the application's own default id. */
  public static ConfigDef define(ConfigDef def, String defaultApplicationId) {
    return def
        .define(BOOTSTRAP_SERVERS, Type.LIST, DEFAULT_BOOTSTRAP, (name, value) -> {
          if (value == null || ((List<?>) value).isEmpty()) {
            throw new ConfigException(name, value, "give at least one host:port of the Kafka cluster");
          }
        }, Importance.HIGH, "Kafka cluster to run against, as host:port pairs.")
        .define(APPLICATION_ID, Type.STRING, defaultApplicationId, new ConfigDef.NonEmptyString(),
            Importance.HIGH, "Kafka Streams application id: consumer group, transactional id and internal topic "
                + "prefix. Keep it stable, or the application loses its state.")
        .define(STATE_DIR, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
            Importance.HIGH, "Directory of the local state stores (required: never the system temp directory).")
        .define(TOPIC_PREFIX, Type.STRING, TopicCatalog.DEFAULT_PREFIX, Importance.MEDIUM,
            "Prefix of every topic name, so several deployments can share one cluster.")
        .define(GAME_PARTITIONS, Type.INT, TopicCatalog.DEFAULT_GAME_PARTITIONS, ConfigDef.Range.atLeast(1),
            Importance.LOW, "Partitions of the per-game topics (game events, turn requests, trajectories).")
        .define(NUM_STREAM_THREADS, Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.LOW,
            "Stream threads of this instance.")
        .define(STATE_STORE_TYPE, Type.STRING, ROCKSDB, ConfigDef.CaseInsensitiveValidString.in(ROCKSDB, IN_MEMORY),
            Importance.LOW, "Local store engine: 'rocksdb' (default) or 'in_memory' (faster to open; both are "
                + "backed by changelog topics, but in_memory restores the whole state on every start).");
  }

  /** A key-value store of the configured engine, always changelogged. */
  public static KeyValueBytesStoreSupplier storeSupplier(AbstractConfig config, String name) {
    return IN_MEMORY.equalsIgnoreCase(config.getString(STATE_STORE_TYPE))
        ? Stores.inMemoryKeyValueStore(name)
        : Stores.persistentKeyValueStore(name);
  }

  /** The topic catalog the settings describe. */
  public static TopicCatalog topics(AbstractConfig config) {
    return TopicCatalog.of(config.getString(TOPIC_PREFIX), config.getInt(GAME_PARTITIONS));
  }

  /**
   * Kafka Streams properties: exactly-once v2, the explicit state directory, explicit internal resource names
   * enforced, then every {@code streams.*} pass-through setting.
   */
  public static Properties streamsProperties(AbstractConfig config) {
    Properties props = new Properties();
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", config.getList(BOOTSTRAP_SERVERS)));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(APPLICATION_ID));
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(STATE_DIR));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    // No global stores here; enabling it only silences the start-up warning about the global thread.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(NUM_STREAM_THREADS));
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
    props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION),
        PRODUCER_MAX_IN_FLIGHT);
    // every RocksDB store of the JVM within one budget (streams.rocksdb.memory.mb), not ~100 MB each
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
    Map<String, Object> passthrough = config.originalsWithPrefix(PASSTHROUGH_PREFIX);
    passthrough.forEach(props::put);
    return props;
  }
}
