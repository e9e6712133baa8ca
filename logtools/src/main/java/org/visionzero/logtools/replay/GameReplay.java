package org.visionzero.logtools.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.visionzero.events.GameEvent;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * {@code vz replay --game ID}: reads one game's events and its scored trajectory from the log. Events of a
 * game share its key, so only the key's partition of each topic is read, from the beginning to its end.
 * Give it a {@code read_committed} consumer (String keys, byte values) without a group id.
 */
public final class GameReplay {
  private GameReplay() {}

  public static Timeline read(Consumer<String, byte[]> consumer, TopicCatalog topics, String gameId,
      Duration timeout) throws TimeoutException {
    Objects.requireNonNull(gameId, "gameId");
    if (gameId.isBlank()) {
      throw new IllegalArgumentException("give the id of a game (vz replay --list shows them)");
    }
    Topic<String, GameEvent> gameEvents = topics.gameEvents();
    TopicPartition partition = partitionOf(consumer, gameEvents.name(), gameId, timeout);
    List<LoggedEvent> events = new ArrayList<>();
    int[] undecodable = {0};
    TopicReads.readToEnd(consumer, List.of(partition), timeout, record -> {
      if (gameId.equals(record.key())) {
        try {
          events.add(new LoggedEvent(record.partition(), record.offset(),
              gameEvents.valueSerde().deserializer().deserialize(record.topic(), record.value())));
        } catch (SerializationException e) {
          undecodable[0]++;
        }
      }
    });
    if (events.isEmpty()) {
      throw new GameNotFoundException("no event of game '" + gameId + "' in " + gameEvents.name() + " (partition "
          + partition.partition() + "); vz replay --list shows the games in the log");
    }
    return Timeline.of(gameId, events, readTrajectory(consumer, topics, gameId, timeout), undecodable[0]);
  }

  /** The first recorded trajectory of a game, or null when the scorer wrote none (yet). */
  static ScoredTrajectory readTrajectory(Consumer<String, byte[]> consumer, TopicCatalog topics, String gameId,
      Duration timeout) throws TimeoutException {
    Topic<String, ScoredTrajectory> trajectories = topics.trajectories();
    TopicPartition partition = partitionOf(consumer, trajectories.name(), gameId, timeout);
    ScoredTrajectory[] found = {null};
    TopicReads.readToEnd(consumer, List.of(partition), timeout, record -> {
      if (found[0] == null && gameId.equals(record.key())) {
        try {
          found[0] = trajectories.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
          // an undecodable trajectory counts as none; the leaderboard and trainer dead-letter it
        }
      }
    });
    return found[0];
  }

  private static TopicPartition partitionOf(Consumer<String, byte[]> consumer, String topic, String key,
      Duration timeout) {
    int partitions = TopicReads.partitions(consumer, topic, timeout).size();
    return TopicReads.partitionOfKey(topic, key, partitions);
  }
}
