package org.visionzero.workers;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.visionzero.deadletter.DeadLetterPublisher;
import org.visionzero.deadletter.DeadLetters;
import org.visionzero.events.GameEvent;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.TurnViews;
import org.visionzero.policy.AvroAnswers;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.TurnResult;
import org.visionzero.serde.AvroSerde;
import org.visionzero.topics.Topic;
import org.visionzero.workers.image.ImageCache;
import org.visionzero.workers.image.ImageUnavailableException;
import org.visionzero.workers.policy.PolicyLoadException;
import org.visionzero.workers.policy.PolicyRegistry;

/**
 * Answers one micro-batch of raw turn requests: decodes them, resolves policy versions and images, runs each
 * policy once per kind of turn over all its turns, and returns the records to send in the batch's
 * transaction. A request that cannot be answered becomes a dead letter with the reason; the rest go on.
 */
public final class TurnHandler {
  /** Reasons a request is dead-lettered, used as a metric tag. */
  static final String UNDECODABLE = "undecodable";
  static final String INVALID_TURN = "invalid-turn";
  static final String POLICY_UNAVAILABLE = "policy-unavailable";
  static final String IMAGE_UNAVAILABLE = "image-unavailable";
  static final String POLICY_FAILED = "policy-failed";

  private final String workerId;
  private final AvroSerde<TurnRequested> requests;
  private final Topic<String, GameEvent> gameEvents;
  private final DeadLetterPublisher deadLetters;
  private final PolicyRegistry policies;
  private final ImageCache images;
  private final SceneFactsProvider facts;
  private final WorkerMetrics metrics;
  private final Clock clock;

  public TurnHandler(String workerId, AvroSerde<TurnRequested> requests, Topic<String, GameEvent> gameEvents,
      DeadLetterPublisher deadLetters, PolicyRegistry policies, ImageCache images, SceneFactsProvider facts,
      WorkerMetrics metrics, Clock clock) {
    this.workerId = Objects.requireNonNull(workerId, "workerId");
    this.requests = requests;
    this.gameEvents = gameEvents;
    this.deadLetters = deadLetters;
    this.policies = policies;
    this.images = images;
    this.facts = facts;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** The event id of the answer to a turn attempt: duplicates of it are detectable downstream. */
  public static String answerEventId(String gameId, int turn, int attempt) {
    return gameId + "/" + turn + "/" + attempt + "/answer";
  }

  /** The records answering a batch: one answer or one dead letter per input record. */
  public List<ProducerRecord<byte[], byte[]>> handle(List<ConsumerRecord<byte[], byte[]>> batch) {
    List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>(batch.size());
    Map<Policy, Map<TurnKind, List<Pending>>> groups = new IdentityHashMap<>();
    Instant batchStart = clock.instant();
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      metrics.queueWait(Duration.between(Instant.ofEpochMilli(record.timestamp()), batchStart));
      Pending pending = prepare(record, out);
      if (pending != null) {
        groups.computeIfAbsent(pending.policy(), p -> new LinkedHashMap<>())
            .computeIfAbsent(pending.view().kind(), k -> new ArrayList<>()).add(pending);
      }
    }
    groups.forEach((policy, byKind) -> byKind.forEach((kind, turns) -> answer(policy, kind, turns, out)));
    return out;
  }

  private Pending prepare(ConsumerRecord<byte[], byte[]> record, List<ProducerRecord<byte[], byte[]>> out) {
    TurnRequested request;
    TurnView view;
    try {
      request = requests.decode(record.value());
      if (request == null) {
        throw new IllegalArgumentException("turn request has no value (a tombstone)");
      }
      view = TurnViews.fromRequest(request);
    } catch (RuntimeException e) {
      out.add(deadLetter(record, e, e instanceof IllegalArgumentException ? INVALID_TURN : UNDECODABLE));
      return null;
    }
    Policy policy;
    try {
      policy = policies.resolve(request.getPolicy());
    } catch (PolicyLoadException e) {
      out.add(deadLetter(record, e, POLICY_UNAVAILABLE));
      return null;
    }
    BufferedImage image;
    try {
      image = images.resolve(request.getImage());
    } catch (ImageUnavailableException e) {
      out.add(deadLetter(record, e, IMAGE_UNAVAILABLE));
      return null;
    }
    return new Pending(record, view, policy, new PolicyTurn(view, image, facts.factsFor(request)));
  }

  private void answer(Policy policy, TurnKind kind, List<Pending> turns, List<ProducerRecord<byte[], byte[]>> out) {
    List<PolicyTurn> inputs = turns.stream().map(Pending::turn).toList();
    long started = System.nanoTime();
    List<? extends TurnResult<?>> results;
    try {
      results = kind == TurnKind.CLUE ? policy.tryClues(inputs) : policy.tryDecisions(inputs);
      requireOnePerTurn(policy, turns, results.size());
    } catch (RuntimeException e) {
      // The policy refused the group (e.g. the oracle without ground truth): each turn gets the reason.
      turns.forEach(t -> out.add(deadLetter(t.record(), e, POLICY_FAILED)));
      return;
    }
    metrics.inference(kind, Duration.ofNanos(System.nanoTime() - started));
    for (int i = 0; i < results.size(); i++) {
      TurnResult<?> result = results.get(i);
      Pending turn = turns.get(i);
      if (!result.ok()) {
        // One turn without an answer (a remote model failed it): its game replays the turn after the timeout.
        out.add(deadLetter(turn.record(), new IllegalStateException(result.failure()), POLICY_FAILED));
        continue;
      }
      Object payload = kind == TurnKind.CLUE
          ? AvroAnswers.toClueGiven(turn.view(), (ClueAnswer) result.answer(), workerId)
          : AvroAnswers.toDecisionSampled(turn.view(), (DecisionAnswer) result.answer(), workerId);
      GameEvent event = envelope(turn.view(), payload);
      byte[] key = gameEvents.keySerde().serializer().serialize(gameEvents.name(), event.getGameId());
      byte[] value = gameEvents.valueSerde().serializer().serialize(gameEvents.name(), event);
      out.add(new ProducerRecord<>(gameEvents.name(), key, value));
      metrics.turnAnswered(kind, policy.ref().getName());
    }
  }

  private static void requireOnePerTurn(Policy policy, List<Pending> turns, int answers) {
    if (answers != turns.size()) {
      throw new IllegalStateException("policy " + policy.ref() + " returned " + answers + " answers for "
          + turns.size() + " turns");
    }
  }

  private GameEvent envelope(TurnView view, Object payload) {
    return GameEvent.newBuilder()
        .setEventId(answerEventId(view.gameId(), view.turn(), view.attempt()))
        .setOccurredAt(clock.instant())
        .setGameId(view.gameId())
        .setPayload(payload)
        .build();
  }

  private ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> record, Exception error,
      String reason) {
    metrics.deadLettered(reason);
    return deadLetters.toRecord(DeadLetters.forRecord(workerId, record, error, clock.instant()));
  }

  private record Pending(ConsumerRecord<byte[], byte[]> record, TurnView view, Policy policy, PolicyTurn turn) {}
}
