package org.visionzero.workers.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.topics.TopicLeaders;

/** Creates, and removes again, the topics one benchmark run uses (a prefix of its own). */
final class BenchTopics implements AutoCloseable {
  private static final long ADMIN_TIMEOUT_SECONDS = 30;

  private final Admin admin;
  private final TopicCatalog catalog;

  BenchTopics(String bootstrapServers, TopicCatalog catalog) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    this.catalog = catalog;
    try {
      admin.createTopics(topics().stream().map(BenchTopics::newTopic).toList()).all()
          .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      // so that the first writes are not spent on retries
      TopicLeaders.await(admin, topics().stream().map(Topic::name).toList(),
          Duration.ofSeconds(ADMIN_TIMEOUT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admin.close();
      throw new IllegalStateException("interrupted while creating benchmark topics", e);
    } catch (ExecutionException | TimeoutException e) {
      admin.close();
      throw new IllegalStateException("cannot create benchmark topics with prefix " + catalog.prefix() + ": "
          + e.getMessage(), e);
    }
  }


  private List<Topic<String, ?>> topics() {
    return List.of(catalog.turnRequests(), catalog.gameEvents(), catalog.checkpoints(), catalog.deadLetters());
  }

  private static NewTopic newTopic(Topic<String, ?> topic) {
    return new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.empty()).configs(topic.configs());
  }

  @Override
  public void close() {
    try {
      admin.deleteTopics(topics().stream().map(Topic::name).toList()).all()
          .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Leftover topics of a benchmark are harmless: their prefix is unique.
    } finally {
      admin.close();
    }
  }
}
