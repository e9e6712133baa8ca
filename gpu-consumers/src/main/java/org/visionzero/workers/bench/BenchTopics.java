package org.visionzero.workers.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/** Creates, and removes again, the topics one benchmark run uses (a prefix of its own). */
final class BenchTopics implements AutoCloseable {
  private static final long ADMIN_TIMEOUT_SECONDS = 30;
  private static final long LEADER_POLL_MS = 100;

  private final Admin admin;
  private final TopicCatalog catalog;

  BenchTopics(String bootstrapServers, TopicCatalog catalog) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    this.catalog = catalog;
    try {
      admin.createTopics(topics().stream().map(BenchTopics::newTopic).toList()).all()
          .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      awaitLeaders();
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

  /** Waits until every partition has a leader, so that the first writes are not spent on retries. */
  private void awaitLeaders() throws InterruptedException, TimeoutException {
    List<String> names = topics().stream().map(Topic::name).toList();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ADMIN_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      try {
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
            .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        boolean led = described.values().stream().flatMap(d -> d.partitions().stream())
            .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        if (led && described.size() == names.size()) {
          return;
        }
      } catch (ExecutionException e) {
        // not visible yet: ask again
      }
      Thread.sleep(LEADER_POLL_MS);
    }
    throw new TimeoutException("benchmark topics " + names + " have no leaders after " + ADMIN_TIMEOUT_SECONDS + " s");
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
