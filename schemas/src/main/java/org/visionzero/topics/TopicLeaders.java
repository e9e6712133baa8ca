package org.visionzero.topics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * Waits until new topics can be written. Created is not writable: right after {@code createTopics} returns, or on
 * a cluster whose broker has just restarted, a partition may have no leader yet and writes get
 * NOT_LEADER_OR_FOLLOWER (a chaos run's end check saw that for two minutes).
 */
public final class TopicLeaders {
  private static final Duration POLL = Duration.ofMillis(100);

  private TopicLeaders() {}

  /**
   * Returns once every partition of {@code names} has a leader.
   *
   * @throws TimeoutException naming the partitions still without one after {@code timeout}
   */
  public static void await(Admin admin, List<String> names, Duration timeout)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> leaderless = names;
    while (System.nanoTime() < deadline) {
      try {
        var described = admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        leaderless = described.values().stream()
            .flatMap(d -> d.partitions().stream()
                .filter(p -> p.leader() == null || p.leader().isEmpty())
                .map(p -> d.name() + "-" + p.partition()))
            .toList();
        if (leaderless.isEmpty() && described.size() == names.size()) {
          return;
        }
      } catch (ExecutionException e) {
        leaderless = List.of("(not visible yet: " + e.getCause() + ")");
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new TimeoutException("the partitions " + leaderless + " had no leader after " + timeout.toSeconds() + " s");
  }
}
