package org.visionzero.ops.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * Creates the catalog's topics through the AdminClient, idempotently: missing topics are created with the
 * catalog's partitions and configs, existing ones are left as they are and reported, with any difference
 * from the catalog named (partitions are never changed here: that would move keys between partitions).
 */
public final class TopicProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  private static final String MIN_IN_SYNC_REPLICAS = "min.insync.replicas";

  private final Admin admin;
  private final Duration timeout;
  /** Empty: the cluster's default replication factor and min.insync.replicas. */
  private final Optional<Short> replicationFactor;
  private final Map<String, String> replicationConfigs;

  public TopicProvisioner(Admin admin, Duration timeout) {
    this(admin, timeout, Optional.empty(), Map.of());
  }

  private TopicProvisioner(Admin admin, Duration timeout, Optional<Short> replicationFactor,
      Map<String, String> replicationConfigs) {
    this.admin = admin;
    this.timeout = timeout;
    this.replicationFactor = replicationFactor;
    this.replicationConfigs = replicationConfigs;
  }

  /**
   * A provisioner that creates missing topics with {@code factor} replicas and {@code minInSync} of them needed
   * to acknowledge a write ({@code vz chaos}'s 3-broker cluster: 3 and 2), whatever the cluster's defaults.
   */
  public TopicProvisioner withReplication(short factor, int minInSync) {
    if (minInSync < 1 || minInSync > factor) {
      throw new IllegalArgumentException("min.insync.replicas must be 1.." + factor + ", was " + minInSync);
    }
    return new TopicProvisioner(admin, timeout, Optional.of(factor),
        Map.of(MIN_IN_SYNC_REPLICAS, String.valueOf(minInSync)));
  }

  /** Creates every missing topic of {@code catalog}; returns the state of all of them, in catalog order. */
  public List<TopicState> create(TopicCatalog catalog) {
    List<Topic<String, ?>> missing = new ArrayList<>();
    for (TopicState state : describe(catalog)) {
      if (!state.present()) {
        missing.add(topicNamed(catalog, state.topic()));
      }
    }
    List<NewTopic> newTopics = missing.stream()
        .map(topic -> new NewTopic(topic.name(), Optional.of(topic.partitions()), replicationFactor)
            .configs(withReplicationConfigs(topic.configs())))
        .toList();
    admin.createTopics(newTopics).values().forEach((name, future) -> {
      try {
        await(future);
        LOG.debug("Created topic {}", name);
      } catch (TopicExistsException createdMeanwhile) {
        LOG.info("Topic {} was created by someone else meanwhile", name);
      }
    });
    List<String> created = missing.stream().map(Topic::name).toList();
    if (!created.isEmpty()) {
      LOG.info("Created topics {}", created);
    }
    return describe(catalog).stream()
        .map(state -> created.contains(state.topic()) ? withStatus(state, TopicState.CREATED) : state)
        .toList();
  }

  /** The state on the cluster of every topic of {@code catalog}, in catalog order. */
  public List<TopicState> describe(TopicCatalog catalog) {
    List<String> names = catalog.all().stream().map(Topic::name).toList();
    Map<String, KafkaFuture<TopicDescription>> descriptions = admin.describeTopics(names).topicNameValues();
    Map<String, TopicDescription> existing = new TreeMap<>();
    descriptions.forEach((name, future) -> {
      try {
        existing.put(name, await(future));
      } catch (UnknownTopicOrPartitionException missing) {
        // Reported as missing below.
      }
    });
    Map<String, Config> configs = topicConfigs(existing.keySet());
    return catalog.all().stream()
        .map(topic -> stateOf(topic, existing.get(topic.name()), configs.get(topic.name())))
        .toList();
  }

  private Map<String, Config> topicConfigs(Collection<String> names) {
    if (names.isEmpty()) {
      return Map.of();
    }
    List<ConfigResource> resources = names.stream()
        .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
    Map<ConfigResource, Config> byResource = await(admin.describeConfigs(resources).all());
    return byResource.entrySet().stream()
        .collect(Collectors.toMap(entry -> entry.getKey().name(), Map.Entry::getValue));
  }

  private static TopicState stateOf(Topic<String, ?> topic, TopicDescription description, Config config) {
    if (description == null) {
      return new TopicState(topic.name(), TopicState.MISSING, 0, topic.partitions(), 0, Map.of(),
          List.of("missing: run 'vz topics create'"));
    }
    int partitions = description.partitions().size();
    int replicas = description.partitions().get(0).replicas().size();
    Map<String, String> actual = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    if (partitions != topic.partitions()) {
      problems.add("has " + partitions + " partitions, the catalog expects " + topic.partitions());
    }
    topic.configs().forEach((key, expected) -> {
      ConfigEntry entry = config == null ? null : config.get(key);
      String value = entry == null ? null : entry.value();
      actual.put(key, String.valueOf(value));
      if (!expected.equals(value)) {
        problems.add(key + " is " + value + ", the catalog expects " + expected);
      }
    });
    return new TopicState(topic.name(), TopicState.EXISTS, partitions, topic.partitions(), replicas, actual,
        problems);
  }

  private Map<String, String> withReplicationConfigs(Map<String, String> configs) {
    Map<String, String> all = new TreeMap<>(configs);
    all.putAll(replicationConfigs);
    return all;
  }

  private static TopicState withStatus(TopicState state, String status) {
    return new TopicState(state.topic(), status, state.partitions(), state.expectedPartitions(),
        state.replicationFactor(), state.configs(), state.problems());
  }

  private static Topic<String, ?> topicNamed(TopicCatalog catalog, String name) {
    return catalog.all().stream().filter(topic -> topic.name().equals(name)).findFirst().orElseThrow();
  }

  /** Waits for an admin result; Kafka errors are rethrown as they are, so callers can catch the ones they expect. */
  private <T> T await(KafkaFuture<T> future) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the Kafka cluster", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("The Kafka cluster did not answer within " + timeout.toSeconds()
          + " s: check bootstrap.servers and that the cluster is up", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
