package org.visionzero.streams.coordinator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.visionzero.deadletter.DeadLetters;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameRequested;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.PolicyRef;
import org.visionzero.game.fold.Decision;
import org.visionzero.game.fold.GameCommand.StartGame;
import org.visionzero.game.fold.GameDecider;
import org.visionzero.game.fold.GameState;
import org.visionzero.sign.CheckpointBelief;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.sign.UntrustedCheckpointException;
import org.visionzero.streams.routing.Outbound;
import org.visionzero.streams.routing.RecordDecoding;
import org.visionzero.topics.TopicCatalog;

/**
 * Admission: the single task that decides when games start. It reads pairs, requests, checkpoints and the
 * ids of ended games (all single-partition inputs), keeps the waiting FIFO and the in-flight count, and
 * writes {@code GameStarted} to the game log while fewer than the configured number of games are in flight.
 */
final class AdmissionProcessor implements Processor<String, AdmissionInput, String, Outbound> {
  static final String COMPONENT = "coordinator";
  /** Version of a policy before its first checkpoint: the pretrained base model. */
  static final int BASE_VERSION = 0;
  /** A requested policy version that means "whatever is current". */
  static final int CURRENT_VERSION = -1;

  private final GameDecider decider;
  private final int maxInFlight;
  private final String trainingPolicy;
  private final CoordinatorMetrics metrics;
  private final Deserializer<ImagePairCreated> pairs;
  private final Deserializer<GameRequested> requests;
  private final Deserializer<CheckpointPublished> checkpoints;
  private final CheckpointSignature signature;
  private final VerifiedCheckpointBlobs checkpointBlobs;

  private ProcessorContext<String, Outbound> context;
  private KeyValueStore<String, byte[]> pairStore;
  private KeyValueStore<String, Integer> policyStore;
  private KeyValueStore<String, Long> admittedStore;
  private AdmissionQueue queue;

  AdmissionProcessor(GameDecider decider, int maxInFlight, String trainingPolicy, TopicCatalog topics,
      CoordinatorMetrics metrics, CheckpointSignature signature, CheckpointBlobCheck blobCheck) {
    this.signature = signature;
    this.checkpointBlobs = new VerifiedCheckpointBlobs(blobCheck);
    this.decider = decider;
    this.maxInFlight = maxInFlight;
    this.trainingPolicy = trainingPolicy;
    this.metrics = metrics;
    this.pairs = topics.imagePairs().valueSerde().deserializer();
    this.requests = topics.gameRequests().valueSerde().deserializer();
    this.checkpoints = topics.checkpoints().valueSerde().deserializer();
  }

  @Override
  public void init(ProcessorContext<String, Outbound> context) {
    this.context = context;
    pairStore = context.getStateStore(CoordinatorStores.PAIRS);
    policyStore = context.getStateStore(CoordinatorStores.POLICIES);
    admittedStore = context.getStateStore(CoordinatorStores.ADMITTED);
    queue = new AdmissionQueue(context.getStateStore(CoordinatorStores.QUEUE),
        context.getStateStore(CoordinatorStores.COUNTERS), context.getStateStore(CoordinatorStores.IN_FLIGHT));
    publishGauges();
  }

  @Override
  public void process(Record<String, AdmissionInput> record) {
    Record<String, byte[]> raw = record.withValue(record.value().bytes());
    switch (record.value().source()) {
      case IMAGE_PAIR -> decode(pairs, raw).flatMap(pair -> checked(raw, () -> AdmissionChecks.pair(pair)))
          .ifPresent(pair -> onPair(raw.value(), pair));
      case GAME_REQUEST -> decode(requests, raw)
          .flatMap(request -> checked(raw, () -> AdmissionChecks.request(request, this::currentVersion)))
          .ifPresent(request -> onRequest(raw, request));
      case CHECKPOINT -> {
        if (trusted(raw)) {
          decode(checkpoints, raw).ifPresent(checkpoint -> onCheckpoint(raw, checkpoint));
        }
      }
      case RELEASE -> onRelease(new String(record.value().bytes(), StandardCharsets.UTF_8));
    }
    startWhileRoom();
    publishGauges();
  }

  private void onPair(byte[] encoded, ImagePairCreated pair) {
    pairStore.put(pair.getPairId(), encoded);
    if (pair.getHeldOut()) {
      return; // reserved for evaluation: never a training game
    }
    if (!admitOnce(pair.getEventId())) {
      return;
    }
    queue.add(WaitingStart.trainingPair(pair.getPairId(), pair.getEventId()));
  }

  private void onRequest(Record<String, byte[]> raw, GameRequested request) {
    if (pairStore.get(request.getPairId()) == null) {
      deadLetter(RecordDecoding.deadLetter(raw, context, COMPONENT, new InvalidRecordException("unknown-pair",
          "request " + request.getEventId() + " names pair " + request.getPairId()
              + ", which is not in the image-pairs topic: publish the pair before requesting games on it")));
      return;
    }
    if (!admitOnce(request.getEventId())) {
      return;
    }
    queue.add(WaitingStart.request(request.getPairId(), request.getEventId(), raw.value()));
  }

  /** False (and dead-lettered) when checkpoints are signed and this event's signature is missing or wrong. */
  private boolean trusted(Record<String, byte[]> raw) {
    Header mac = raw.headers().lastHeader(CheckpointSignature.HEADER);
    byte[] key = raw.key() == null ? null : raw.key().getBytes(StandardCharsets.UTF_8);
    Optional<String> problem = signature.problem(key, raw.value(), mac == null ? null : mac.value());
    problem.ifPresent(reason -> deadLetter(RecordDecoding.deadLetter(raw, context, COMPONENT,
        new UntrustedCheckpointException(reason))));
    return problem.isEmpty();
  }

  /**
   * Every checkpoint event is verified here as it arrives, signature and decoding first ({@link #process}), then
   * its version ({@link CheckpointBelief}) and its blob, and a bad one is dead-lettered against its own record.
   * The coordinator is where this belongs: it reads the checkpoint topic in every deployment ({@code vz run} and
   * {@code vz chaos} alike), reads every event rather than only the newest (a worker loads only the newest, so a
   * tampered version published beside a good one was checked by no one), writes its letters in the transaction that
   * commits its input (one letter per bad event, across restarts), and is the one that would otherwise pin training
   * games to the version. A late, older version is verified too: evaluation games may still ask for it.
   */
  private void onCheckpoint(Record<String, byte[]> raw, CheckpointPublished checkpoint) {
    PolicyRef policy = checkpoint.getPolicy();
    Integer known = policyStore.get(policy.getName());
    Optional<InvalidRecordException> doubt = CheckpointBelief.doubt(checkpoint, known)
        .or(() -> checkpointBlobs.problem(checkpoint));
    if (doubt.isPresent()) {
      deadLetter(RecordDecoding.deadLetter(raw, context, COMPONENT, doubt.get()));
      return;
    }
    if (known == null || policy.getVersion() > known) {
      policyStore.put(policy.getName(), policy.getVersion());
    } else {
      metrics.ignored(CoordinatorMetrics.IgnoredReason.DUPLICATE); // a late, older checkpoint never rolls back
    }
  }

  private void onRelease(String gameId) {
    if (!queue.release(gameId)) {
      metrics.ignored(CoordinatorMetrics.IgnoredReason.DUPLICATE);
    }
  }

  /** Records that a pair or request was admitted; false (and counted) when it was already. */
  private boolean admitOnce(String eventId) {
    if (admittedStore.putIfAbsent(eventId, context.currentSystemTimeMs()) != null) {
      metrics.ignored(CoordinatorMetrics.IgnoredReason.DUPLICATE);
      return false;
    }
    return true;
  }

  private void startWhileRoom() {
    while (queue.inFlight() < maxInFlight) {
      Optional<WaitingStart> next = queue.poll();
      if (next.isEmpty()) {
        return;
      }
      start(next.get());
    }
  }

  private void start(WaitingStart waiting) {
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    try {
      ImagePairCreated pair = pairs.deserialize("", pairStore.get(waiting.pairId()));
      StartGame command = waiting.kind() == WaitingStart.Kind.TRAINING_PAIR
          ? trainingGame(pair, now)
          : requestedGame(requests.deserialize("", waiting.request()), pair, now);
      Decision decision = decider.decide(GameState.empty(), command);
      for (GameEvent event : decision.events()) {
        context.forward(new Record<>(event.getGameId(), Outbound.gameEvent(event), now.toEpochMilli()));
      }
      queue.started(command.gameId(), now.toEpochMilli());
      metrics.gameStarted(command.purpose());
    } catch (RuntimeException e) {
      if (!RecordDecoding.isAboutTheRecord(e)) {
        throw e;
      }
      deadLetter(DeadLetters.forInput(COMPONENT, "admission queue entry " + waiting.eventId(), waiting.toBytes(),
          e, now));
    }
  }

  private StartGame trainingGame(ImagePairCreated pair, Instant now) {
    int version = currentVersion(trainingPolicy);
    String gameId = GameIds.training(pair.getPairId(), version, queue.nextUse(pair.getPairId()));
    return StartGame.training(gameId, pair, new PolicyRef(trainingPolicy, version), GameIds.seedOf(gameId), now);
  }

  private StartGame requestedGame(GameRequested request, ImagePairCreated pair, Instant now) {
    GameRequested pinned = GameRequested.newBuilder(request)
        .setCivilianPolicy(resolve(request.getCivilianPolicy()))
        .setSpyPolicy(resolve(request.getSpyPolicy()))
        .setDecisionPolicy(resolve(request.getDecisionPolicy()))
        .build();
    String gameId = GameIds.requested(request.getEventId());
    long seed = request.getSeed() != null ? request.getSeed() : GameIds.seedOf(gameId);
    return StartGame.requested(gameId, pinned, pair, seed, now);
  }

  /** Pins "the current version" to the version known now, so the game records what actually played. */
  private PolicyRef resolve(PolicyRef policy) {
    if (policy.getVersion() != CURRENT_VERSION) {
      return policy;
    }
    Integer known = policyStore.get(policy.getName());
    return known == null ? policy : new PolicyRef(policy.getName(), known);
  }

  private int currentVersion(String policy) {
    Integer known = policyStore.get(policy);
    return known == null ? BASE_VERSION : known;
  }

  /** The checked value, or empty when the check refused it (then it is dead-lettered with the reason). */
  private <T> Optional<T> checked(Record<String, byte[]> raw, java.util.function.Supplier<T> check) {
    try {
      return Optional.of(check.get());
    } catch (InvalidRecordException e) {
      deadLetter(RecordDecoding.deadLetter(raw, context, COMPONENT, e));
      return Optional.empty();
    }
  }

  private <T> Optional<T> decode(Deserializer<T> deserializer, Record<String, byte[]> raw) {
    return RecordDecoding.decode(deserializer, raw, context, COMPONENT, this::deadLetter);
  }

  private void deadLetter(DeadLetter deadLetter) {
    metrics.deadLettered();
    String key = RecordDecoding.keyOf(deadLetter);
    context.forward(new Record<>(key, Outbound.deadLetter(deadLetter), context.currentSystemTimeMs()));
  }

  private void publishGauges() {
    metrics.admission(queue.inFlight(), queue.waiting());
  }
}
