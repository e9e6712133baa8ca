package org.visionzero.ops.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.policy.scene.SceneFacts;
import org.visionzero.topics.TopicCatalog;

/**
 * The evaluator: plays evaluation games on held-out pairs through {@code vz.game-requests}, like any other
 * client of the pipeline, and folds their scored trajectories into figures by version ({@link VersionResult}).
 * While training runs it evaluates each new checkpoint version with a few games per arm; {@link #evaluate}
 * asks for a full evaluation of one version and waits for it.
 *
 * <p>The fixed referee of the clue-skill games is chosen once: the configured version, else the first version
 * whose decision accuracy on v0's clues reaches the threshold, and is kept in a file across restarts.
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
  private final TopicTail<ImagePairCreated> pairs;
  private final TopicTail<CheckpointPublished> checkpoints;
  private final TopicTail<ScoredTrajectory> trajectories;
  private final Producer<String, GameRequested> requests;
  private final Map<String, Optional<SceneFacts>> heldOutScenes = new HashMap<>();
  private final Map<String, ImagePairCreated> heldOutPairEvents = new HashMap<>();
  private final Map<EvalArm, java.util.ArrayDeque<ScoredTrajectory>> recent = new EnumMap<>(EvalArm.class);
  private final List<String> heldOutPairs = new ArrayList<>();
  private final Map<Integer, CheckpointPublished> checkpointByVersion = new HashMap<>();
  private final EvaluationTally tally;
  private final EvaluationCadence cadence;
  private final Thread thread;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  // Guarded by this.
  private int latestVersion = -1;
  private OptionalInt referee;
  private EvaluationPlan plan;
  private EvaluationPlan requestedPlan;
  private long sent;
  private long received;
  private Instant lastProgress;
  private boolean continuous = true;
  private volatile boolean running = true;

  private Evaluator(EvaluatorSettings settings, Map<String, Object> clientProperties, TopicCatalog topics,
      Clock clock) {
    this.settings = settings;
    this.cadence = new EvaluationCadence(settings.interval());
    this.topics = topics;
    this.clock = clock;
    this.referee = settings.fixedReferee().isPresent() ? settings.fixedReferee() : readReferee();
    this.tally = new EvaluationTally(settings.runId(), pairId -> {
      synchronized (this) {
        return heldOutScenes.getOrDefault(pairId, Optional.empty());
      }
    });
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
    this.lastProgress = clock.instant();
    this.thread = new Thread(this::loop, "vz-evaluator");
    this.thread.setDaemon(true);
  }

  /** Starts the evaluator on its own thread; it evaluates each new version while {@code continuous}. */
  public static Evaluator start(EvaluatorSettings settings, Map<String, Object> clientProperties,
      TopicCatalog topics, boolean continuous) {
    Evaluator evaluator = new Evaluator(settings, clientProperties, topics, Clock.systemUTC());
    evaluator.continuous = continuous;
    evaluator.thread.start();
    return evaluator;
  }

  private void loop() {
    try {
      while (running) {
        readPairs();
        readCheckpoints();
        readResults();
        planNext();
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
      if (!pair.getHeldOut() || pair.getBroken() != null) {
        continue;
      }
      Optional<SceneFacts> facts = Optional.empty();
      if (pair.getSceneGraphJson() != null) {
        try {
          facts = Optional.of(SceneFacts.parse(pair.getSceneGraphJson()));
        } catch (IllegalArgumentException e) {
          LOG.warn("held-out pair {} has an unreadable scene graph ({}); no clue fidelity from it",
              pair.getPairId(), e.getMessage());
        }
      }
      synchronized (this) {
        heldOutPairEvents.put(pair.getPairId(), pair);
        if (heldOutScenes.put(pair.getPairId(), facts) == null) {
          heldOutPairs.add(pair.getPairId());
        }
      }
    }
  }

  /** Reads the checkpoint topic up to its end: a stopping run evaluates the version it trained last. */
  private void readCheckpoints() {
    for (CheckpointPublished checkpoint : checkpoints.pollToEnd(POLL, () -> running)) {
      PolicyRef ref = checkpoint.getPolicy();
      if (ref.getName().equals(settings.policyName())) {
        synchronized (this) {
          latestVersion = Math.max(latestVersion, ref.getVersion());
          checkpointByVersion.putIfAbsent(ref.getVersion(), checkpoint);
        }
      }
    }
  }

  private void readResults() {
    List<ScoredTrajectory> scored = trajectories.poll(POLL);
    synchronized (this) {
      for (ScoredTrajectory game : scored) {
        if (game.getPurpose() == Purpose.EVALUATION && tally.add(game)) {
          received++;
          keepRecent(game);
          lastProgress = clock.instant();
        }
      }
      if (sent > received && Duration.between(lastProgress, clock.instant()).compareTo(settings.stallTimeout()) > 0) {
        LOG.warn("no evaluation result for {}: counting {} requested games as lost", settings.stallTimeout(),
            sent - received);
        sent = received;
        lastProgress = clock.instant();
      }
      chooseRefereeIfDue();
      notifyAll();
    }
  }

  private void keepRecent(ScoredTrajectory game) {
    EvalTags.of(game.getTags(), settings.runId()).ifPresent(tags -> {
      java.util.ArrayDeque<ScoredTrajectory> games = recent.computeIfAbsent(tags.arm(), a -> new java.util.ArrayDeque<>());
      games.addLast(game);
      if (games.size() > RECENT_PER_ARM) {
        games.removeFirst();
      }
    });
  }

  /** The latest scored games of each arm (at most a few), newest last. */
  public synchronized List<ScoredTrajectory> recentGames() {
    List<ScoredTrajectory> games = new ArrayList<>();
    recent.values().forEach(games::addAll);
    return games;
  }

  /** A held-out pair this evaluator has read. */
  public synchronized Optional<ImagePairCreated> heldOutPair(String pairId) {
    return Optional.ofNullable(heldOutPairEvents.get(pairId));
  }

  private void chooseRefereeIfDue() {
    if (referee.isPresent()) {
      return;
    }
    for (VersionResult result : tally.results()) {
      if (result.decisionAccuracy().trials() >= settings.refereeMinSamples()
          && result.decisionAccuracy().rate() >= settings.refereeThreshold()) {
        fixReferee(result.version(), "decision accuracy " + result.decisionAccuracy().rate() + " on v0 clues");
        return;
      }
    }
  }

  private void fixReferee(int version, String why) {
    referee = OptionalInt.of(version);
    LOG.info("fixed referee of the clue-skill games: version {} ({})", version, why);
    settings.refereeFile().ifPresent(file -> {
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Integer.toString(version), StandardCharsets.UTF_8);
      } catch (IOException e) {
        LOG.warn("could not keep the referee choice in {}: {}", file, e.getMessage());
      }
    });
  }

  private OptionalInt readReferee() {
    return settings.refereeFile().filter(Files::isRegularFile).map(file -> {
      try {
        return OptionalInt.of(Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).trim()));
      } catch (IOException | NumberFormatException e) {
        throw new IllegalStateException("the referee file " + file + " is unreadable (" + e.getMessage()
            + "): delete it to let the evaluator choose again", e);
      }
    }).orElse(OptionalInt.empty());
  }

  private synchronized void planNext() {
    if (requestedPlan != null) {
      plan = requestedPlan;
      return;
    }
    // A version's plan is finished before the newest version is taken up: versions in between are skipped, so
    // every evaluated version gets its full number of games. The first plan is always v0's, the base every curve
    // starts from, even when the trainer has published newer versions by then.
    if (!continuous || latestVersion < 0 || (plan != null && (plan.version() >= latestVersion || !plan.done()))) {
      return;
    }
    Instant now = clock.instant();
    if (!cadence.due(now)) {
      return;
    }
    plan = newPlan(plan == null ? BASE_VERSION : latestVersion, settings.gamesPerArm());
    cadence.started(now);
  }

  private EvaluationPlan newPlan(int version, int gamesPerArm) {
    List<EvalArm> arms = new ArrayList<>();
    for (EvalArm arm : EvalArm.values()) {
      if (!arm.needsReferee() || referee.isPresent()) {
        arms.add(arm);
      }
    }
    Map<EvalArm, Long> scored = new EnumMap<>(EvalArm.class);
    arms.forEach(arm -> scored.put(arm, tally.games(version, arm)));
    return new EvaluationPlan(version, "p" + clock.millis(), arms, gamesPerArm, scored);
  }

  private void sendRequests() {
    List<GameRequested> batch = new ArrayList<>();
    synchronized (this) {
      if (plan == null || heldOutPairs.isEmpty()) {
        return;
      }
      PolicyRef evaluated = new PolicyRef(settings.policyName(), plan.version());
      PolicyRef base = new PolicyRef(settings.policyName(), BASE_VERSION);
      PolicyRef refereeRef = referee.isPresent() ? new PolicyRef(settings.policyName(), referee.getAsInt()) : null;
      while (sent - received < settings.maxInFlight()) {
        Optional<EvaluationPlan.Next> next = plan.next();
        if (next.isEmpty()) {
          break;
        }
        EvalArm arm = next.get().arm();
        int index = next.get().index();
        String pairId = heldOutPairs.get(index % heldOutPairs.size());
        String round = plan.label() + "-" + index / heldOutPairs.size();
        EvalTags tags = new EvalTags(settings.runId(), arm, plan.version(),
            arm.needsReferee() ? referee.getAsInt() : EvalTags.NO_REFEREE);
        batch.add(EvaluationRequests.request(pairId, tags, evaluated, base, refereeRef, round, clock.instant()));
        sent++;
      }
    }
    for (GameRequested request : batch) {
      requests.send(new ProducerRecord<>(topics.gameRequests().name(), request.getPairId(), request));
    }
    if (!batch.isEmpty()) {
      requests.flush();
    }
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
    synchronized (this) {
      if (referee.isEmpty()) {
        fixReferee(version, "no version reached the threshold before the final evaluation");
      }
      requestedPlan = newPlan(version, gamesPerArm);
      while (!complete(version, gamesPerArm) && clock.instant().isBefore(until) && failure.get() == null
          && stopped.getCount() > 0) {
        wait(Math.max(1, Math.min(1_000, Duration.between(clock.instant(), until).toMillis())));
        progress.onProgress(share(version, gamesPerArm), tally.result(version), Duration.between(clock.instant(),
            until));
      }
      requestedPlan = null;
      return tally.result(version).orElseGet(() -> new VersionResult(version, Proportion.EMPTY, Proportion.EMPTY,
          Proportion.EMPTY, Proportion.EMPTY, Proportion.EMPTY, Mean.EMPTY, Proportion.EMPTY, referee.orElse(EvalTags.NO_REFEREE), 0,
          Proportion.EMPTY, Mean.EMPTY, Mean.EMPTY));
    }
  }

  private double share(int version, int gamesPerArm) {
    long done = 0;
    for (EvalArm arm : EvalArm.values()) {
      done += Math.min(gamesPerArm, tally.games(version, arm));
    }
    return gamesPerArm == 0 ? 1 : done / (double) (gamesPerArm * EvalArm.values().length);
  }

  private boolean complete(int version, int gamesPerArm) {
    for (EvalArm arm : EvalArm.values()) {
      if (tally.games(version, arm) < gamesPerArm) {
        return false;
      }
    }
    return true;
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
      while (latestVersion < Math.max(0, version) && clock.instant().isBefore(until)
          && stopped.getCount() > 0) {
        wait(200);
      }
      if (latestVersion < 0) {
        throw new IllegalStateException("no checkpoint of policy '" + settings.policyName() + "' on "
            + topics.checkpoints().name() + " within " + timeout + ": is a v0 published?");
      }
      return latestVersion;
    }
  }

  /**
   * The checkpoint event of a version of the evaluated policy as read from the topic (its publication time
   * and trainer step say when the evaluated weights existed); empty for a version not seen.
   */
  public synchronized Optional<CheckpointPublished> checkpoint(int version) {
    return Optional.ofNullable(checkpointByVersion.get(version));
  }

  /** The checkpoint blob of every version read from the topic so far. */
  public synchronized SortedMap<Integer, BlobRef> checkpointBlobs() {
    SortedMap<Integer, BlobRef> blobs = new TreeMap<>();
    checkpointByVersion.forEach((version, event) -> blobs.put(version, event.getCheckpoint()));
    return blobs;
  }

  /**
   * The versions evaluation games may still ask a worker to load: v0 (the base of every arm), the fixed referee
   * and the version being evaluated (or asked for by {@link #evaluate}).
   */
  public synchronized Set<Integer> versionsInUse() {
    Set<Integer> inUse = new HashSet<>();
    inUse.add(BASE_VERSION);
    referee.ifPresent(inUse::add);
    if (plan != null) {
      inUse.add(plan.version());
    }
    if (requestedPlan != null) {
      inUse.add(requestedPlan.version());
    }
    return inUse;
  }

  /** Figures of every version evaluated so far. */
  public synchronized List<VersionResult> results() {
    return tally.results();
  }

  public synchronized OptionalInt referee() {
    return referee;
  }

  public synchronized int heldOutPairs() {
    return heldOutPairs.size();
  }

  public synchronized long gamesInFlight() {
    return sent - received;
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
