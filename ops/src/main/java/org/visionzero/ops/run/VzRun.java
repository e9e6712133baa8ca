package org.visionzero.ops.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.visionzero.ops.broker.EmbeddedKafkaBroker;
import org.visionzero.ops.config.KafkaClientProperties;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.metrics.MetricsEndpoint;
import org.visionzero.ops.topics.TopicProvisioner;
import org.visionzero.ops.topics.TopicState;
import org.visionzero.topics.TopicCatalog;

/**
 * The whole system in one process ({@code vz run}): the embedded broker (unless an external cluster is
 * configured), the catalog's topics, and, as they are wired in, the components. Closing it stops everything in
 * reverse order.
 */
public final class VzRun implements AutoCloseable {

  /** How long provisioning waits for the cluster before giving up with a message. */
  public static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private final Components components;
  private final KafkaClientProperties clients;
  private final Optional<Path> dataDir;
  private final TopicCatalog catalog;
  private final List<TopicState> topics;
  private final Optional<MetricsEndpoint> metrics;

  private VzRun(Components components, KafkaClientProperties clients, Optional<Path> dataDir,
      TopicCatalog catalog, List<TopicState> topics, Optional<MetricsEndpoint> metrics) {
    this.components = components;
    this.metrics = metrics;
    this.clients = clients;
    this.dataDir = dataDir;
    this.catalog = catalog;
    this.topics = topics;
  }

  public static VzRun start(VzRunConfig config) {
    Components components = new Components();
    try {
      KafkaClientProperties clients = config.clientProperties();
      Optional<Path> dataDir = Optional.empty();
      if (config.usesEmbeddedBroker()) {
        EmbeddedKafkaBroker broker = components.add("embedded broker",
            EmbeddedKafkaBroker.start(config.brokerSettings()));
        clients = clients.withBootstrapServers(broker.bootstrapServers());
        dataDir = Optional.of(broker.dataDir());
      }
      TopicCatalog catalog = config.topicCatalog();
      List<TopicState> topics;
      try (Admin admin = Admin.create(clients.forAdmin(ADMIN_TIMEOUT))) {
        topics = new TopicProvisioner(admin, ADMIN_TIMEOUT).create(catalog);
      }
      Optional<MetricsEndpoint> metrics = Optional.empty();
      if (config.metricsPort().isPresent()) {
        metrics = Optional.of(components.add("metrics endpoint",
            MetricsEndpoint.start(config.metricsHost(), config.metricsPort().getAsInt())));
      }
      return new VzRun(components, clients, dataDir, catalog, topics, metrics);
    } catch (RuntimeException e) {
      components.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return clients.bootstrapServers();
  }

  /** Client properties pointing at the cluster in use, for components started on top of this run. */
  public KafkaClientProperties clientProperties() {
    return clients;
  }

  /** Where the embedded broker keeps its data; empty when an external cluster is used. */
  public Optional<Path> dataDir() {
    return dataDir;
  }

  public TopicCatalog catalog() {
    return catalog;
  }

  /** The Prometheus endpoint, when {@code metrics.port} asked for one; components register meters on it. */
  public Optional<MetricsEndpoint> metrics() {
    return metrics;
  }

  /** The topics as provisioning left them. */
  public List<TopicState> topics() {
    return topics;
  }

  /** Registers a component started on top of this run, so that {@link #close()} stops it before the broker. */
  public <T extends AutoCloseable> T add(String name, T component) {
    return components.add(name, component);
  }

  @Override
  public void close() {
    components.close();
  }
}
