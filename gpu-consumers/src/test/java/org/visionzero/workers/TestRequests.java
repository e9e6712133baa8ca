package org.visionzero.workers;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.visionzero.events.ClueRecord;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.serde.AvroSerdes;

/** Turn requests and their records, for tests. */
public final class TestRequests {
  public static final String TURN_TOPIC = "t.turn-requests";
  public static final int PLAYERS = 4;
  private static final Instant WRITTEN = Instant.parse("2026-11-27T08:00:00Z");

  private TestRequests() {}

  public static TurnRequested clue(String gameId, int turn, PolicyRef policy) {
    return base(gameId, turn, policy).setKind(TurnKind.CLUE).setSeat(turn % PLAYERS + 1).setRound(1)
        .setRole(Role.CIVILIAN).setSamples(1).build();
  }

  public static TurnRequested decision(String gameId, int turn, PolicyRef policy, int samples) {
    return base(gameId, turn, policy).setKind(TurnKind.DECISION).setSeat(0).setRound(0)
        .setRole(Role.OBSERVER).setSamples(samples)
        .setHistory(List.of(new ClueRecord(1, 1, "red cube", List.of()), new ClueRecord(2, 1, "blue sphere", List.of())))
        .build();
  }

  private static TurnRequested.Builder base(String gameId, int turn, PolicyRef policy) {
    return TurnRequested.newBuilder()
        .setEventId(gameId + "/" + turn + "/1")
        .setOccurredAt(WRITTEN)
        .setGameId(gameId)
        .setTurn(turn)
        .setAttempt(1)
        .setNumPlayers(PLAYERS)
        .setPolicy(policy)
        .setImage(null)
        .setSpyHint("two objects differ")
        .setHistory(List.of())
        .setOwnReasoning(List.of())
        .setTemperature(0.8f)
        .setSamplingSeed(1000L + turn)
        .setPurpose(Purpose.TRAINING)
        .setDeadlineAt(WRITTEN.plusSeconds(30));
  }

  public static byte[] encode(TurnRequested request) {
    return AvroSerdes.of(TurnRequested.class).encode(request);
  }

  public static ConsumerRecord<byte[], byte[]> record(int partition, long offset, TurnRequested request) {
    return record(partition, offset, request.getGameId(), encode(request));
  }

  public static ConsumerRecord<byte[], byte[]> record(int partition, long offset, String key, byte[] value) {
    return new ConsumerRecord<>(TURN_TOPIC, partition, offset, key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        value);
  }
}
