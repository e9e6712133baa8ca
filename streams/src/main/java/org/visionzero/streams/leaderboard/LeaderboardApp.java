package org.visionzero.streams.leaderboard;

import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.visionzero.streams.config.ScorerConfig;

/** The leaderboard as a process: build from config, start, query, close. */
public final class LeaderboardApp implements AutoCloseable {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STATE_POLL = Duration.ofMillis(50);

  private final KafkaStreams streams;

  /** {@code config} from {@link ScorerConfig#leaderboard}, default application id {@code vz-leaderboard}. */
  public LeaderboardApp(ScorerConfig config) {
    Objects.requireNonNull(config, "config");
    this.streams = new KafkaStreams(LeaderboardTopology.build(config), config.streamsProperties());
  }

  public LeaderboardApp start() {
    streams.start();
    return this;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Waits until the application is RUNNING (its store is queryable); false when it is not within the timeout.
   * RUNNING means assigned and restored, not caught up with the topic: a one-shot reader should wait for its
   * input to settle too.
   */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()
          && streams.state() != KafkaStreams.State.CREATED) {
        return false;
      }
      Thread.sleep(STATE_POLL.toMillis());
    }
    return true;
  }

  /** Interactive queries over the leaderboard store; use once {@link #state()} is RUNNING. */
  public LeaderboardQuery query() {
    return LeaderboardQuery.of(streams);
  }

  public KafkaStreams streams() {
    return streams;
  }

  /** Stops processing and leaves the group, so a replacement instance takes over without a session timeout. */
  @Override
  public void close() {
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(CLOSE_TIMEOUT));
  }
}
