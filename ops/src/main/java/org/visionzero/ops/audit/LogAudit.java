package org.visionzero.ops.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TurnRetried;
import org.visionzero.game.score.TrajectoryConsistency;
import org.visionzero.json.Json;
import org.visionzero.logtools.replay.TopicReads;
import org.visionzero.ops.chaos.poison.PoisonWriter;
import org.visionzero.streams.scorer.ScorerTopology;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * Reads a run's log back (read_committed, from the beginning) and counts what went wrong, without the folds
 * or the components' own bookkeeping: answers are counted per turn straight from the events, and each
 * trajectory is recomputed from its own decision samples ({@link TrajectoryConsistency}). What crash tests
 * and an operator after an outage want to know.
 *
 * @param gamesStarted               distinct games with a {@code GameStarted}
 * @param startedAt                  when each game started (its GameStarted's time)
 * @param completedAt                when each completed game completed
 * @param aborted                    games that ended as {@code GameAborted}
 * @param retries                    {@code TurnRetried} events
 * @param turnsAnsweredTwice         "gameId/turn" of every turn with more than one answer in the log (to two
 *                                   attempts, or the same attempt written twice)
 * @param trajectoriesTwice          games with more than one recorded trajectory
 * @param inconsistentTrajectories   games whose trajectory contradicts itself, with every contradiction
 * @param completedWithoutTrajectory completed games with no recorded trajectory
 * @param undecodable                records of either topic that did not decode
 */
public record LogAudit(int gamesStarted, Map<String, Instant> startedAt, Map<String, Instant> completedAt,
    int aborted, int retries, SortedSet<String> turnsAnsweredTwice, SortedSet<String> trajectoriesTwice,
    SortedMap<String, List<String>> inconsistentTrajectories, SortedSet<String> completedWithoutTrajectory,
    int undecodable) {

  /** Reads game events and trajectories of a cluster's topics to their current end. */
  public static LogAudit read(Map<String, Object> clientProperties, TopicCatalog topics, Duration timeout)
      throws TimeoutException {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      Tally tally = new Tally();
      read(consumer, topics.gameEvents(), timeout, tally::onEvent, tally);
      read(consumer, topics.trajectories(), timeout, tally::onTrajectory, tally);
      return tally.result();
    }
  }

  /** Games that started before {@code instant} and completed at or after it (e.g. across a crash). */
  public long gamesCompletedAcross(Instant instant) {
    return completedAt.entrySet().stream()
        .filter(done -> !done.getValue().isBefore(instant) && startedAt.get(done.getKey()).isBefore(instant))
        .count();
  }

  /** True when nothing went wrong: no turn answered twice, no retry or abort, every trajectory once and sound. */
  public boolean clean() {
    return aborted == 0 && retries == 0 && turnsAnsweredTwice.isEmpty() && trajectoriesTwice.isEmpty()
        && inconsistentTrajectories.isEmpty() && completedWithoutTrajectory.isEmpty() && undecodable == 0;
  }

  /** The figures as JSON (game ids listed in full). */
  public String toJson() {
    ObjectNode node = Json.object();
    node.put("clean", clean());
    node.put("gamesStarted", gamesStarted);
    node.put("gamesCompleted", completedAt.size());
    node.put("gamesAborted", aborted);
    node.put("turnsRetried", retries);
    turnsAnsweredTwice.forEach(node.putArray("turnsAnsweredTwice")::add);
    trajectoriesTwice.forEach(node.putArray("trajectoriesTwice")::add);
    ObjectNode contradictions = node.putObject("inconsistentTrajectories");
    inconsistentTrajectories.forEach((game, problems) -> problems.forEach(contradictions.putArray(game)::add));
    completedWithoutTrajectory.forEach(node.putArray("completedWithoutTrajectory")::add);
    node.put("undecodable", undecodable);
    return Json.write(node);
  }

  @Override
  public String toString() {
    return "LogAudit[games started " + gamesStarted + ", completed " + completedAt.size() + ", aborted " + aborted
        + ", retries " + retries + ", turns answered twice " + first(turnsAnsweredTwice) + ", trajectories twice "
        + first(trajectoriesTwice) + ", inconsistent " + first(inconsistentTrajectories.keySet())
        + ", completed without trajectory " + first(completedWithoutTrajectory) + ", undecodable " + undecodable
        + "]";
  }

  private static String first(Set<String> ids) {
    return ids.size() + (ids.isEmpty() ? "" : " " + ids.stream().limit(5).toList());
  }

  private static <V> void read(KafkaConsumer<String, byte[]> consumer, Topic<String, V> topic, Duration timeout,
      java.util.function.Consumer<V> sink, Tally tally) throws TimeoutException {
    readValues(consumer, topic, timeout, sink, () -> tally.undecodable++);
  }

  /**
   * Reads {@code topic}'s values to its current end into {@code sink}, leaving out the records a chaos run's poison
   * load wrote (its dead letters account for them, not the system's figures) and telling {@code onUndecodable} of
   * every record that does not decode.
   */
  public static <V> void readValues(KafkaConsumer<String, byte[]> consumer, Topic<String, V> topic, Duration timeout,
      java.util.function.Consumer<V> sink, Runnable onUndecodable) throws TimeoutException {
    TopicReads.readToEnd(consumer, TopicReads.partitions(consumer, topic.name(), timeout), timeout, record -> {
      if (PoisonWriter.isPoison(record)) {
        return;
      }
      V value;
      try {
        value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
      } catch (SerializationException e) {
        onUndecodable.run();
        return;
      }
      sink.accept(value);
    });
  }

  /** The counts while reading. */
  private static final class Tally {
    private final Map<String, Instant> startedAt = new HashMap<>();
    private final Map<String, Instant> completedAt = new HashMap<>();
    private final Map<String, Integer> answersPerTurn = new HashMap<>();
    private final Map<String, Integer> trajectories = new HashMap<>();
    private final SortedMap<String, List<String>> inconsistent = new TreeMap<>();
    private final TrajectoryConsistency consistency = TrajectoryConsistency.of(ScorerTopology.RULES);
    private int aborted;
    private int retries;
    private int undecodable;

    void onEvent(GameEvent event) {
      Object payload = event.getPayload();
      String game = event.getGameId();
      if (payload instanceof GameStarted) {
        startedAt.putIfAbsent(game, event.getOccurredAt());
      } else if (payload instanceof ClueGiven clue) {
        answered(game, clue.getTurn());
      } else if (payload instanceof DecisionSampled decision) {
        answered(game, decision.getTurn());
      } else if (payload instanceof TurnRetried) {
        retries++;
      } else if (payload instanceof GameCompleted) {
        completedAt.putIfAbsent(game, event.getOccurredAt());
      } else if (payload instanceof GameAborted) {
        aborted++;
      }
    }

    void onTrajectory(ScoredTrajectory trajectory) {
      if (trajectories.merge(trajectory.getGameId(), 1, Integer::sum) > 1) {
        return;
      }
      List<String> problems = consistency.problems(trajectory);
      if (!problems.isEmpty()) {
        inconsistent.put(trajectory.getGameId(), problems);
      }
    }

    private void answered(String game, int turn) {
      answersPerTurn.merge(game + "/" + turn, 1, Integer::sum);
    }

    LogAudit result() {
      SortedSet<String> twice = new TreeSet<>();
      answersPerTurn.forEach((turn, answers) -> {
        if (answers > 1) {
          twice.add(turn);
        }
      });
      SortedSet<String> trajectoriesTwice = new TreeSet<>();
      trajectories.forEach((game, count) -> {
        if (count > 1) {
          trajectoriesTwice.add(game);
        }
      });
      SortedSet<String> missing = new TreeSet<>(completedAt.keySet());
      missing.removeAll(trajectories.keySet());
      return new LogAudit(startedAt.size(), Map.copyOf(startedAt), Map.copyOf(completedAt), aborted, retries, twice,
          trajectoriesTwice, inconsistent, missing, undecodable);
    }
  }
}
