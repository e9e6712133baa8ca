package org.visionzero.streams.leaderboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.visionzero.events.Purpose;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.topics.Topic;

/**
 * The leaderboard computed once from the trajectories topic (read from the beginning up to its current end),
 * for one-shot commands such as {@code vz eval leaderboard --json}; a running {@link LeaderboardApp} answers
 * the same question through interactive queries. Use a {@code read_committed} consumer without a group.
 */
public final class LeaderboardSnapshot {
  private static final Duration POLL = Duration.ofMillis(200);

  private LeaderboardSnapshot() {}

  /** Rows of every evaluation game up to the end of the topic; undecodable records are skipped and counted. */
  public static Result read(Consumer<String, byte[]> consumer, Topic<String, ScoredTrajectory> topic,
      Duration timeout) throws TimeoutException {
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info : consumer.partitionsFor(topic.name(), timeout)) {
      partitions.add(new TopicPartition(info.topic(), info.partition()));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    Map<String, LeaderboardRow> rows = new TreeMap<>();
    int skipped = 0;
    Instant deadline = Instant.now().plus(timeout);
    while (!reached(consumer, end)) {
      if (Instant.now().isAfter(deadline)) {
        throw new TimeoutException("the trajectories topic " + topic.name() + " was not read to its end within "
            + timeout + "; is the cluster reachable?");
      }
      for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
        try {
          ScoredTrajectory trajectory = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
          if (trajectory != null && trajectory.getPurpose() == Purpose.EVALUATION) {
            LeaderboardRow row = LeaderboardRow.of(trajectory);
            rows.merge(row.key(), row, LeaderboardRow::plus);
          }
        } catch (SerializationException e) {
          skipped++; // the leaderboard application dead-letters these; a snapshot only reads
        }
      }
    }
    return new Result(rows.values().stream().sorted(LeaderboardQuery.ORDER).toList(), skipped);
  }

  private static boolean reached(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
      if (consumer.position(partition.getKey()) < partition.getValue()) {
        return false;
      }
    }
    return true;
  }

  /**
   * @param rows    one row per pairing, in leaderboard order
   * @param skipped records that could not be decoded
   */
  public record Result(List<LeaderboardRow> rows, int skipped) {
    public Result {
      rows = List.copyOf(rows);
    }

    public String toJson() {
      return LeaderboardQuery.toJson(rows);
    }
  }
}
