package org.visionzero.workers.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.topics.Topic;

/** Writes clue-turn requests for a policy's current version, one game per turn, as a coordinator would. */
final class TurnLoad implements AutoCloseable {
  private static final int PLAYERS = 4;
  private static final long DEADLINE_MS = 60_000;

  private final KafkaProducer<String, TurnRequested> producer;
  private final Topic<String, TurnRequested> topic;
  private final String policy;
  private final String runId;
  private final AtomicInteger written = new AtomicInteger();

  TurnLoad(String bootstrapServers, Topic<String, TurnRequested> topic, String policy, String runId) {
    // One request in flight: on a brand-new topic the first write can fail with NOT_LEADER, and a second
    // in-flight batch then leaves the idempotent producer retrying out-of-order sequences until it gives up.
    this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
        new StringSerializer(), topic.valueSerde().serializer());
    this.topic = topic;
    this.policy = policy;
    this.runId = runId;
  }

  /** Writes {@code count} more requests and flushes them; fails if any could not be written. */
  void write(int count) {
    AtomicInteger failed = new AtomicInteger();
    AtomicReference<Exception> firstError = new AtomicReference<>();
    for (int i = 0; i < count; i++) {
      int n = written.getAndIncrement();
      String gameId = runId + "-g" + n;
      producer.send(new ProducerRecord<>(topic.name(), gameId, request(runId, n, policy)), (metadata, error) -> {
        if (error != null) {
          failed.incrementAndGet();
          firstError.compareAndSet(null, error);
        }
      });
    }
    producer.flush();
    if (failed.get() > 0) {
      written.addAndGet(-failed.get());
      throw new IllegalStateException(failed.get() + " turn requests could not be written to " + topic.name()
          + ": " + firstError.get());
    }
  }

  /** Clue turn {@code n} of the run, in game {@code <runId>-g<n>}, for the policy's current version. */
  static TurnRequested request(String runId, int n, String policy) {
    String gameId = runId + "-g" + n;
    Instant now = Instant.now();
    return TurnRequested.newBuilder()
        .setEventId(gameId + "/0/1").setOccurredAt(now).setGameId(gameId).setTurn(0).setAttempt(1)
        .setKind(TurnKind.CLUE).setSeat(1).setRound(1).setRole(Role.CIVILIAN).setNumPlayers(PLAYERS)
        .setPolicy(new PolicyRef(policy, -1)).setImage(null).setSpyHint("two objects differ")
        .setHistory(List.of()).setOwnReasoning(List.of()).setSamples(1).setTemperature(0.8f)
        .setSamplingSeed(n).setPurpose(Purpose.TRAINING).setDeadlineAt(now.plusMillis(DEADLINE_MS)).build();
  }

  int written() {
    return written.get();
  }

  @Override
  public void close() {
    producer.close();
  }
}
