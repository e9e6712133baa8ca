package org.visionzero.ops.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.TurnRetried;
import org.visionzero.logtools.replay.TopicReads;
import org.visionzero.topics.TopicCatalog;

/**
 * Follows the committed output of the components while the chaos run goes on (read_committed, no group, from the
 * beginning): the games as they start and end (for the drain), the games scored, and, for each killed component,
 * its first output seen after its restart, which ends the kill's recovery time. Outputs: the coordinator's game
 * events (started, retried, completed, aborted), a worker's answers (by worker id), the scorer's trajectories, the
 * trainer's training events and the evaluator's game requests. Only records at or after the partitions' ends at the
 * kill count: the killed process can append nothing after its death, so they are the restarted one's (a committed
 * record of the dead one may still be read after the restart: the watcher runs behind).
 */
final class OutputWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutputWatcher.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<String, byte[]> consumer;
  private final TopicCatalog topics;
  private final Map<String, String> targetByWorkerId;
  private final String coordinator;
  private final String scorer;
  private final String trainer;
  private final String evaluator;
  private final BiConsumer<String, Duration> onRecovered;
  private final Thread thread;
  private final List<TopicPartition> partitions = new ArrayList<>();
  private volatile boolean running = true;

  // Guarded by this.
  private final GameEnds games = new GameEnds();
  private final Set<String> completed = new HashSet<>();
  private final Set<String> scored = new HashSet<>();
  private final Map<String, Pending> pending = new HashMap<>();

  private record Pending(Instant killedAt, Map<TopicPartition, Long> endsAtKill) {
  }

  /**
   * @param targetByWorkerId the target name of each worker id
   * @param onRecovered      gets the target's name and its recovery time, on the watcher's thread
   */
  OutputWatcher(Map<String, Object> clientProperties, TopicCatalog topics, Map<String, String> targetByWorkerId,
      String coordinator, String scorer, String trainer, String evaluator, BiConsumer<String, Duration> onRecovered) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "vz-chaos-watcher");
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.topics = topics;
    this.targetByWorkerId = Map.copyOf(targetByWorkerId);
    this.coordinator = coordinator;
    this.scorer = scorer;
    this.trainer = trainer;
    this.evaluator = evaluator;
    this.onRecovered = onRecovered;
    for (String topic : List.of(topics.gameEvents().name(), topics.trajectories().name(), topics.training().name(),
        topics.gameRequests().name())) {
      partitions.addAll(TopicReads.partitions(consumer, topic, METADATA_TIMEOUT));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    this.thread = new Thread(this::loop, "vz-chaos-watcher");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** The partitions read. */
  List<TopicPartition> partitions() {
    return partitions;
  }

  /**
   * The kill of {@code target} at {@code killedAt} recovers at its first output at or after the partitions' ends
   * once it was dead ({@code endsAtKill}).
   */
  synchronized void awaitRecovery(String target, Instant killedAt, Map<TopicPartition, Long> endsAtKill) {
    pending.put(target, new Pending(killedAt, Map.copyOf(endsAtKill)));
  }

  synchronized int pendingRecoveries() {
    return pending.size();
  }

  /** Kills whose recovery was not seen (yet); clears them. */
  synchronized List<String> takeUnrecovered() {
    List<String> left = new ArrayList<>(pending.keySet());
    pending.clear();
    return left;
  }

  synchronized long openStartedBefore(Instant instant) {
    return games.openStartedBefore(instant);
  }

  /** Completed games the scorer has not recorded a trajectory of (yet). */
  synchronized long completedUnscored() {
    return completed.stream().filter(game -> !scored.contains(game)).count();
  }

  synchronized long gamesCompleted() {
    return completed.size();
  }

  private void loop() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          Optional<String> source = source(record);
          source.ifPresent(target -> seen(target, record));
        }
      }
    } catch (WakeupException e) {
      LOG.debug("watcher woken up to stop");
    } catch (RuntimeException e) {
      LOG.error("the chaos watcher stopped: {}", e.toString(), e);
    }
  }

  /** Which target wrote the record, and what it says about the games. */
  private Optional<String> source(ConsumerRecord<String, byte[]> record) {
    try {
      if (record.topic().equals(topics.gameEvents().name())) {
        return gameEvent(topics.gameEvents().valueSerde().deserializer().deserialize(record.topic(), record.value()));
      }
      if (record.topic().equals(topics.trajectories().name())) {
        synchronized (this) {
          scored.add(record.key());
        }
        return Optional.of(scorer);
      }
      if (record.topic().equals(topics.training().name())) {
        return Optional.of(trainer);
      }
      return Optional.of(evaluator);
    } catch (SerializationException e) {
      return Optional.empty();
    }
  }

  private synchronized Optional<String> gameEvent(GameEvent event) {
    Object payload = event.getPayload();
    if (payload instanceof ClueGiven clue) {
      return Optional.ofNullable(targetByWorkerId.get(clue.getWorkerId()));
    }
    if (payload instanceof DecisionSampled decision) {
      return Optional.ofNullable(targetByWorkerId.get(decision.getWorkerId()));
    }
    if (payload instanceof GameStarted) {
      games.started(event.getGameId(), event.getOccurredAt());
    } else if (payload instanceof GameCompleted) {
      games.completed(event.getGameId());
      completed.add(event.getGameId());
    } else if (payload instanceof GameAborted) {
      games.aborted(event.getGameId());
    } else if (!(payload instanceof TurnRetried)) {
      return Optional.empty();
    }
    return Optional.of(coordinator);
  }

  private void seen(String target, ConsumerRecord<String, byte[]> record) {
    Duration recovery;
    synchronized (this) {
      Pending kill = pending.get(target);
      Instant now = Instant.now();
      Long end = kill == null ? null : kill.endsAtKill().get(new TopicPartition(record.topic(), record.partition()));
      if (end == null || record.offset() < end) {
        return;
      }
      pending.remove(target);
      recovery = Duration.between(kill.killedAt(), now);
    }
    onRecovered.accept(target, recovery);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(METADATA_TIMEOUT.toMillis());
    consumer.close();
  }
}
