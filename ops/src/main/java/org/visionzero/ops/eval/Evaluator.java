package org.visionzero.ops.eval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.GameRequested;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.Purpose;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.topics.TopicCatalog;

/**
 * The evaluator: plays evaluation games on held-out pairs through {@code vz.game-requests}, like any other
 * client of the pipeline, and folds their scored trajectories into figures by version ({@link VersionResult}).
 * While training runs it evaluates each new checkpoint version with a few games per arm; {@link #evaluate}
 * asks for a full evaluation of one version and waits for it.
 *
 * <p>This class only wires the loop and the callers' questions to the pieces that hold each job:
 * {@link HeldOutPairs} and {@link CheckpointVersions} (what was read), {@link EvaluationScheduler} (which version
 * next), {@link PlannedGames} and {@link GamesInFlight} (which games to request now), {@link EvaluationTally} and
 * {@link RecentGames} (the results), {@link RefereeChoice} (the fixed referee of the clue-skill games).
 *
 * <p>Threads: the loop thread ({@code vz-evaluator}) alone owns the topic readers, the producer and the in-flight
 * window, and does all Kafka I/O without holding a lock. Every other piece is also read or changed by callers on
 * their threads (the run, the checkpoint pruner, gauges), so it is guarded by this object's monitor, held only
 * briefly; the same monitor carries the wait/notify of {@link #evaluate} and {@link #awaitVersion}.
 */
public final class Evaluator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  /** The base every version is measured against. */
  public static final int BASE_VERSION = 0;
  private static final int RECENT_PER_ARM = 2;

  private final EvaluatorSettings settings;
  private final TopicCatalog topics;
  private final Clock clock;
  private final Thread thread;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean running = true;

  // Owned by the loop thread.
  private final TopicTail<ImagePairCreated> pairs;
  private final TopicTail<CheckpointPublished> checkpoints;
  private final TopicTail<ScoredTrajectory> trajectories;
  private final Producer<String, GameRequested> requests;
  private final GamesInFlight inFlight;
  private final PlannedGames plannedGames;
  /** {@link GamesInFlight#count()} as the loop thread last saw it, for callers. */
  private volatile long gamesInFlight;

  // Guarded by this.
  private final HeldOutPairs heldOut = new HeldOutPairs();
  private final CheckpointVersions versions;
  private final EvaluationTally tally;
  private final RecentGames recent;
  private final RefereeChoice referee;
  private final EvaluationScheduler scheduler;

  private Evaluator(EvaluatorSettings settings, Map<String, Object> clientProperties, TopicCatalog topics,
      Clock clock, boolean continuous) {
    this.settings = settings;
    this.topics = topics;
    this.clock = clock;
    this.referee = new RefereeChoice(settings);
    this.versions = new CheckpointVersions(settings.policyName());
    // The tally asks for scenes only inside add(), which runs under this object's monitor.
    this.tally = new EvaluationTally(settings.runId(), heldOut::scene);
    this.recent = new RecentGames(settings.runId(), RECENT_PER_ARM);
    this.scheduler = new EvaluationScheduler(new EvaluationCadence(settings.interval()), continuous,
        settings.gamesPerArm());
    this.plannedGames = new PlannedGames(settings.runId(), settings.policyName());
    String client = "vz-evaluator-" + settings.runId();
    this.pairs = new TopicTail<>(clientProperties, topics.imagePairs(), client + "-pairs");
    this.checkpoints = new TopicTail<>(clientProperties, topics.checkpoints(), client + "-checkpoints");
    this.trajectories = new TopicTail<>(clientProperties, topics.trajectories(), client + "-trajectories");
    Map<String, Object> producerProps = new HashMap<>(clientProperties);
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, client + "-requests");
    this.requests = new KafkaProducer<>(producerProps, new StringSerializer(),
        topics.gameRequests().valueSerde().serializer());
    // Its stall timeout counts from here, once the readers have found their topics.
    this.inFlight = new GamesInFlight(settings.maxInFlight(), settings.stallTimeout(), clock.instant());
    this.thread = new Thread(this::loop, "vz-evaluator");
    this.thread.setDaemon(true);
  }

  /** Starts the evaluator on its own thread; it evaluates each new version while {@code continuous}. */
  public static Evaluator start(EvaluatorSettings settings, Map<String, Object> clientProperties,
      TopicCatalog topics, boolean continuous) {
    Evaluator evaluator = new Evaluator(settings, clientProperties, topics, Clock.systemUTC(), continuous);
    evaluator.thread.start();
    return evaluator;
  }

  private void loop() {
    try {
      while (running) {
        readPairs();
        readCheckpoints();
        readResults();
        sendRequests();
      }
    } catch (WakeupException e) {
      LOG.debug("evaluator woken up to stop");
    } catch (Throwable t) {
      failure.set(t);
      LOG.error("evaluator failed: {}", t.toString(), t);
    } finally {
      stopped.countDown();
    }
  }

  /** Reads the pair topic up to its end, so every scored game finds its pair's scene graph. */
  private void readPairs() {
    for (ImagePairCreated pair : pairs.pollToEnd(POLL, () -> running)) {
      synchronized (this) {
        heldOut.add(pair);
      }
    }
  }

  /** Reads the checkpoint topic up to its end: a stopping run evaluates the version it trained last. */
  private void readCheckpoints() {
    for (CheckpointPublished checkpoint : checkpoints.pollToEnd(POLL, () -> running)) {
      synchronized (this) {
        versions.add(checkpoint);
      }
    }
  }

  private void readResults() {
    List<ScoredTrajectory> scored = trajectories.poll(POLL);
    synchronized (this) {
      for (ScoredTrajectory game : scored) {
        if (game.getPurpose() == Purpose.EVALUATION && tally.add(game)) {
          inFlight.received(clock.instant());
          recent.add(game);
        }
      }
      inFlight.dropIfStalled(clock.instant());
      gamesInFlight = inFlight.count();
      referee.chooseFrom(tally.results());
      notifyAll();
    }
  }

  private void sendRequests() {
    List<GameRequested> batch;
    synchronized (this) {
      Optional<EvaluationPlan> plan = scheduler.current(versions.latest(), clock.instant(),
          (version, games) -> newPlan(version, games, settings.arms()));
      if (plan.isEmpty()) {
        return;
      }
      batch = plannedGames.take(plan.get(), heldOut, referee.current(), inFlight, clock.instant());
      gamesInFlight = inFlight.count();
    }
    for (GameRequested request : batch) {
      requests.send(new ProducerRecord<>(topics.gameRequests().name(), request.getPairId(), request));
    }
    if (!batch.isEmpty()) {
      requests.flush();
    }
  }

  /** Called under this object's monitor. */
  private EvaluationPlan newPlan(int version, int gamesPerArm, Set<EvalArm> arms) {
    return EvaluationPlan.forVersion(version, "p" + clock.millis(), arms, referee.current(), gamesPerArm, tally);
  }

  /** The latest scored games of each arm (at most a few), newest last. */
  public synchronized List<ScoredTrajectory> recentGames() {
    return recent.games();
  }

  /** A held-out pair this evaluator has read. */
  public synchronized Optional<ImagePairCreated> heldOutPair(String pairId) {
    return heldOut.event(pairId);
  }

  /**
   * Plays {@code gamesPerArm} games of every arm for {@code version} (counting games it already has) and waits
   * for their results, at most {@code budget}; returns what was measured by then. Without a referee chosen yet,
   * {@code version} becomes the referee (so the clue-skill figure always has one, recorded in the result).
   */
  public VersionResult evaluate(int version, int gamesPerArm, Duration budget) throws InterruptedException {
    return evaluate(version, gamesPerArm, budget, (done, partial, left) -> { });
  }

  /** Told, about once a second, how far an evaluation is: share of its games done, the result so far, time left. */
  public interface EvaluationProgress {
    void onProgress(double done, Optional<VersionResult> partial, Duration left);
  }

  /** {@link #evaluate(int, int, Duration)}, telling {@code progress} how far it is while it waits. */
  public VersionResult evaluate(int version, int gamesPerArm, Duration budget, EvaluationProgress progress)
      throws InterruptedException {
    Instant until = clock.instant().plus(budget);
    EvaluationTarget target = new EvaluationTarget(version, gamesPerArm, settings.arms());
    synchronized (this) {
      referee.chooseIfNone(version, "no version reached the threshold before the final evaluation");
      scheduler.request(newPlan(version, gamesPerArm, settings.arms()));
      while (!target.metBy(tally) && clock.instant().isBefore(until) && failure.get() == null
          && stopped.getCount() > 0) {
        wait(Math.max(1, Math.min(1_000, Duration.between(clock.instant(), until).toMillis())));
        progress.onProgress(target.shareDone(tally), tally.result(version), Duration.between(clock.instant(),
            until));
      }
      scheduler.endRequest();
      return tally.result(version)
          .orElseGet(() -> VersionResult.empty(version, referee.current().orElse(EvalTags.NO_REFEREE)));
    }
  }

  /** Waits until the checkpoint topic has shown a version of the policy; returns the newest. */
  public int awaitLatestVersion(Duration timeout) throws InterruptedException {
    return awaitVersion(0, timeout);
  }

  /**
   * Waits, at most {@code timeout}, until this evaluator has read {@code version} of the policy (or a later one)
   * from the checkpoint topic; returns the newest it has read, which is older only when the wait timed out.
   */
  public int awaitVersion(int version, Duration timeout) throws InterruptedException {
    Instant until = clock.instant().plus(timeout);
    synchronized (this) {
      while (versions.latest() < Math.max(0, version) && clock.instant().isBefore(until)
          && stopped.getCount() > 0) {
        wait(200);
      }
      if (versions.latest() == CheckpointVersions.NONE) {
        throw new IllegalStateException("no checkpoint of policy '" + settings.policyName() + "' on "
            + topics.checkpoints().name() + " within " + timeout + ": is a v0 published?");
      }
      return versions.latest();
    }
  }

  /**
   * The checkpoint event of a version of the evaluated policy as read from the topic (its publication time
   * and trainer step say when the evaluated weights existed); empty for a version not seen.
   */
  public synchronized Optional<CheckpointPublished> checkpoint(int version) {
    return versions.checkpoint(version);
  }

  /** The checkpoint blob of every version read from the topic so far. */
  public synchronized SortedMap<Integer, BlobRef> checkpointBlobs() {
    return versions.blobs();
  }

  /**
   * The versions evaluation games may still ask a worker to load: v0 (the base of every arm), the fixed referee
   * and the version being evaluated (or asked for by {@link #evaluate}).
   */
  public synchronized Set<Integer> versionsInUse() {
    Set<Integer> inUse = scheduler.versionsPlanned();
    inUse.add(BASE_VERSION);
    referee.current().ifPresent(inUse::add);
    return inUse;
  }

  /** Figures of every version evaluated so far. */
  public synchronized List<VersionResult> results() {
    return tally.results();
  }

  public synchronized OptionalInt referee() {
    return referee.current();
  }

  public synchronized int heldOutPairs() {
    return heldOut.size();
  }

  public long gamesInFlight() {
    return gamesInFlight;
  }

  /** Why the evaluator stopped, if it failed. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    trajectories.wakeup();
    if (!stopped.await(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.warn("evaluator thread did not stop within {}", CLOSE_TIMEOUT);
    }
    synchronized (this) {
      notifyAll();
    }
    requests.close();
    pairs.close();
    checkpoints.close();
    trajectories.close();
  }
}
