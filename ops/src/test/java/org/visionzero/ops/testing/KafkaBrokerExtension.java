package org.visionzero.ops.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.visionzero.ops.topics.TopicProvisioner;
import org.visionzero.topics.TopicCatalog;

/**
 * A real Kafka broker shared by the tests of one class, with helpers that give every test its own topic
 * names and application ids.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
 *
 * @Test
 * void shouldDoSomething() {
 *   TopicCatalog topics = KAFKA.createTopics(KAFKA.uniqueCatalog());
 *   String appId = KAFKA.uniqueId("coordinator");
 * }
 * }</pre>
 *
 * <p>By default the broker is the in-JVM {@code EmbeddedKafkaBroker}; with {@code -Dvz.it.broker=testcontainers}
 * it is the official image in a container, and the class is skipped when Docker is not available.
 */
public final class KafkaBrokerExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

  public static final String BACKEND_PROPERTY = "vz.it.broker";
  public static final String EMBEDDED = "embedded";
  public static final String TESTCONTAINERS = "testcontainers";
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private TestKafka kafka;

  /** Disables the test class (reported as skipped) when Testcontainers is chosen and there is no Docker. */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (backend().equals(TESTCONTAINERS) && !ContainerTestKafka.dockerAvailable()) {
      return ConditionEvaluationResult.disabled("-D" + BACKEND_PROPERTY + "=" + TESTCONTAINERS
          + " needs Docker, and none is available");
    }
    return ConditionEvaluationResult.enabled("broker: " + backend());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    String backend = backend();
    kafka = switch (backend) {
      case EMBEDDED -> new EmbeddedTestKafka();
      case TESTCONTAINERS -> new ContainerTestKafka();
      default -> throw new IllegalArgumentException("-D" + BACKEND_PROPERTY + "=" + backend
          + " is not known: use " + EMBEDDED + " (default) or " + TESTCONTAINERS);
    };
  }

  private static String backend() {
    return System.getProperty(BACKEND_PROPERTY, EMBEDDED).strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
  }

  public String bootstrapServers() {
    if (kafka == null) {
      throw new IllegalStateException("The broker runs only between beforeAll and afterAll: register the "
          + "extension on a static field with @RegisterExtension");
    }
    return kafka.bootstrapServers();
  }

  /** Base client properties (bootstrap servers); add group ids, serdes and the like on top. */
  public Map<String, Object> clientProperties() {
    Map<String, Object> properties = new HashMap<>();
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return properties;
  }

  /** A name no other test of this run uses, e.g. {@code coordinator-7-1a2b3c4d} for an application id. */
  public String uniqueId(String base) {
    return base + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A topic catalog with a prefix of its own, so that tests never share a topic. */
  public TopicCatalog uniqueCatalog() {
    return TopicCatalog.of(uniqueId("it") + ".");
  }

  /** Creates the topics of {@code catalog} on the broker and returns it. */
  public TopicCatalog createTopics(TopicCatalog catalog) {
    try (Admin admin = Admin.create(clientProperties())) {
      new TopicProvisioner(admin, ADMIN_TIMEOUT).create(catalog);
    }
    return catalog;
  }

  public Admin admin() {
    return Admin.create(clientProperties());
  }
}
