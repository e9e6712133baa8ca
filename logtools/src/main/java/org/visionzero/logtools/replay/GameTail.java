package org.visionzero.logtools.replay;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.text.SafeText;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * {@code vz tail}: follows {@code game-events} live from its current end, one compact line per event, until
 * told to stop. Uses an assigned consumer (no group, nothing committed), so it never takes partitions from
 * anyone; give it a {@code read_committed} consumer to see only what the pipeline sees.
 */
public final class GameTail {
  private static final Duration POLL = Duration.ofMillis(200);

  private GameTail() {}

  /**
   * Follows until {@code stop} says so (checked after every poll); returns the number of lines written.
   *
   * @param fromBeginning also show what is already in the log
   */
  public static long follow(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer,
      TopicCatalog topics, boolean fromBeginning, Consumer<String> lines, BooleanSupplier stop, Duration timeout) {
    Topic<String, GameEvent> gameEvents = topics.gameEvents();
    List<TopicPartition> partitions = TopicReads.partitions(consumer, gameEvents.name(), timeout);
    consumer.assign(partitions);
    if (fromBeginning) {
      consumer.seekToBeginning(partitions);
    } else {
      consumer.seekToEnd(partitions);
    }
    Map<String, GameStarted> running = new HashMap<>();
    long written = 0;
    while (!stop.getAsBoolean()) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
        lines.accept(line(gameEvents, record, running));
        written++;
      }
    }
    return written;
  }

  /**
   * {@code <gameId>  <timeline line>}, or a note for an undecodable record.
   *
   * @param running starts of the games seen starting (to name the roles of seats); ended games leave it
   */
  static String line(Topic<String, GameEvent> gameEvents, ConsumerRecord<String, byte[]> record,
      Map<String, GameStarted> running) {
    try {
      GameEvent event = gameEvents.valueSerde().deserializer().deserialize(record.topic(), record.value());
      if (event.getPayload() instanceof GameStarted started) {
        running.putIfAbsent(event.getGameId(), started);
      }
      LoggedEvent logged = new LoggedEvent(record.partition(), record.offset(), event);
      String line = SafeText.terminal(event.getGameId()) + "  " + Timeline.entry(logged, running.get(event.getGameId()), true).toLine();
      if (event.getPayload() instanceof GameCompleted || event.getPayload() instanceof GameAborted) {
        running.remove(event.getGameId());
      }
      return line;
    } catch (SerializationException e) {
      return SafeText.terminal(String.valueOf(record.key())) + "  p" + record.partition() + "@"
          + record.offset() + "  undecodable: " + SafeText.terminal(e.getMessage());
    }
  }
}
