package org.visionzero.logtools.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.SerializationException;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.Winner;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * {@code vz replay --list}: the games of the log (every partition of {@code game-events}, read once to its
 * end) that match a filter, oldest start first. Games whose start is not in the log are left out.
 */
public final class GameIndex {
  private GameIndex() {}

  public static List<GameSummary> list(Consumer<String, byte[]> consumer, TopicCatalog topics, GameFilter filter,
      Duration timeout) throws TimeoutException {
    Topic<String, GameEvent> gameEvents = topics.gameEvents();
    Map<String, Game> games = new HashMap<>();
    TopicReads.readToEnd(consumer, TopicReads.partitions(consumer, gameEvents.name(), timeout), timeout,
        record -> {
          GameEvent event;
          try {
            event = gameEvents.valueSerde().deserializer().deserialize(record.topic(), record.value());
          } catch (SerializationException e) {
            return; // replay --game shows undecodable records of a game; the index lists games
          }
          games.computeIfAbsent(event.getGameId(), id -> new Game()).add(event);
        });
    List<GameSummary> summaries = new ArrayList<>();
    games.forEach((gameId, game) -> {
      if (game.started != null) {
        GameSummary summary = game.summary(gameId);
        if (filter.matches(summary)) {
          summaries.add(summary);
        }
      }
    });
    summaries.sort(Comparator.comparing(GameSummary::startedAt).thenComparing(GameSummary::gameId));
    return summaries;
  }

  /** What the index keeps of one game while reading. */
  private static final class Game {
    private GameEvent startEvent;
    private GameStarted started;
    private GameSummary.Status status = GameSummary.Status.RUNNING;
    private Winner winner;
    private int events;

    void add(GameEvent event) {
      events++;
      Object payload = event.getPayload();
      if (started == null && payload instanceof GameStarted start) {
        startEvent = event;
        started = start;
      } else if (status == GameSummary.Status.RUNNING && payload instanceof GameCompleted completed) {
        status = GameSummary.Status.COMPLETED;
        winner = completed.getOutcome().getWinner();
      } else if (status == GameSummary.Status.RUNNING && payload instanceof GameAborted) {
        status = GameSummary.Status.ABORTED;
      }
    }

    GameSummary summary(String gameId) {
      return new GameSummary(gameId, startEvent.getOccurredAt(), started.getPairId(), started.getPurpose(),
          started.getCivilianPolicy(), started.getSpyPolicy(), started.getDecisionPolicy(), status, winner, events);
    }
  }
}
