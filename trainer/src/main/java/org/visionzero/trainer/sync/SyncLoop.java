package org.visionzero.trainer.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.VoteKind;
import org.visionzero.events.Winner;
import org.visionzero.game.reward.RaeBaselines;
import org.visionzero.policy.Policy;
import org.visionzero.process.ProcessUsage;
import org.visionzero.trainer.batch.StepBatch;
import org.visionzero.trainer.core.StepReport;
import org.visionzero.trainer.core.TrainerCore;
import org.visionzero.trainer.inputs.PairPictures;
import org.visionzero.trainer.phase.IterativeSpoControl;
import org.visionzero.trainer.sample.StalenessFilter;
import org.visionzero.trainer.state.TrainerState;

/**
 * {@code vz run --sync}: plays, scores and trains in one process with no Kafka, like the authors'
 * implementation, on the same game fold, scorer, policy and {@link TrainerCore} step as the streaming system.
 * It is the baseline the streaming system is measured against. Versions advance every K steps without
 * writing checkpoints, and every sample is on-policy (lag 0).
 */
public final class SyncLoop {
  private static final Logger LOG = LoggerFactory.getLogger(SyncLoop.class);
  /** Held-out seeds start far above training seeds so no held-out pair is ever trained on. */
  public static final long HELD_OUT_SEED_BASE = 1L << 41;
  private static final long WIN_RATE_SEED_BASE = HELD_OUT_SEED_BASE + (1L << 30);
  private static final long GAMES_PER_SEED_BLOCK = 1L << 20;
  private static final int CURRENT_VERSION = -1;
  private static final int BASE_VERSION = 0;
  private static final int NO_BOUND = Integer.MAX_VALUE;

  private final SyncSettings settings;
  private final SyncModel model;
  private final SyncPairs pairs;
  private final MemoryPairImages inFlight;
  private final InProcessGames games;
  private final PolicyRef current;
  private final PolicyRef base;
  private final LongSupplier nanoClock;

  /**
   * @param inFlight the pair images the model's learner resolves turns from (filled here, per step)
   */
  public SyncLoop(SyncSettings settings, SyncModel model, SyncPairs pairs, MemoryPairImages inFlight) {
    this(settings, model, pairs, inFlight, System::nanoTime);
  }

  /** As above, on the given clock (nanoseconds, as {@link System#nanoTime}). */
  SyncLoop(SyncSettings settings, SyncModel model, SyncPairs pairs, MemoryPairImages inFlight,
      LongSupplier nanoClock) {
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.model = Objects.requireNonNull(model, "model");
    this.pairs = Objects.requireNonNull(pairs, "pairs");
    this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
    this.current = new PolicyRef(settings.policyName(), CURRENT_VERSION);
    this.base = new PolicyRef(settings.policyName(), BASE_VERSION);
    this.games = new InProcessGames(settings.rules(), this::policyFor);
  }

  private Policy policyFor(PolicyRef ref) {
    return ref.getVersion() == BASE_VERSION ? model.base() : model.current();
  }

  /**
   * Trains for the configured steps (or until the time limit), evaluating on held-out pairs every
   * {@code evalEvery} steps (evaluation time kept out of the clock) or, with an evaluation interval, at the first
   * step boundary after each interval of the clock (evaluation time counted), then evaluates the end state.
   */
  public SyncResult run() {
    IterativeSpoControl phases = IterativeSpoControl.start(settings.rules());
    TrainerState initial = TrainerState.initial(BASE_VERSION, RaeBaselines.initial(settings.rules().raeAlpha()),
        phases.state());
    // Every sample is played by the weights being trained (on-policy by construction): no staleness bound.
    TrainerCore core = new TrainerCore(initial, phases, new StalenessFilter(settings.policyName(), NO_BOUND),
        settings.schedule(), model.learner(), settings.checkpointEvery(), settings.stepOptions());
    long cpuAtStart = ProcessUsage.cpuNanos();
    TrainingClock clock = new TrainingClock(nanoClock);
    boolean timed = !settings.evalInterval().isZero();
    double intervalSeconds = settings.evalInterval().toNanos() / 1e9;
    List<SyncResult.Point> points = new ArrayList<>();
    points.add(timed ? point(core.state(), 0) : clock.excluding(() -> point(core.state(), 0)));
    double nextEvaluation = intervalSeconds;
    long applied = 0;
    double lastLoss = Double.NaN;
    boolean timeLimitReached = false;
    for (long step = 1; step <= settings.steps(); step++) {
      List<GameSetup> setups = new ArrayList<>();
      for (int g = 0; g < settings.gamesPerStep(); g++) {
        long seed = settings.seed() * GAMES_PER_SEED_BLOCK + (step - 1) * settings.gamesPerStep() + g;
        setups.add(GameSetup.training(settings.runId() + "/" + step + "/" + g, seed, pairIdOf(seed),
            pictures(seed), current));
      }
      List<ScoredTrajectory> played = games.play(setups, Instant.now());
      StepReport report = core.step(new StepBatch(played, Map.of(), 0, 0));
      inFlight.clear();
      if (report.completed().getApplied()) {
        applied++;
        lastLoss = report.completed().getLoss();
      }
      if (report.checkpointDue()) {
        TrainerState s = report.state();
        int version = s.policyVersion() + 1;
        model.version(version);
        core.checkpointWritten(new TrainerState(s.step(), version, s.baselines(), s.phase(), s.offsets(),
            s.counters(), TrainerState.Ledger.EMPTY));
      }
      LOG.info("sync step {} phase {} applied={} loss={} acc={} na={}", step, report.completed().getPhase(),
          report.completed().getApplied(), report.completed().getLoss(), report.completed().getDecisionAccuracy(),
          report.completed().getNaRate());
      timeLimitReached = step < settings.steps() && settings.timeLimit()
          .filter(limit -> clock.seconds() >= limit.toNanos() / 1e9).isPresent();
      boolean due = timed ? clock.seconds() >= nextEvaluation : step % settings.evalEvery() == 0;
      if (due || step == settings.steps() || timeLimitReached) {
        double seconds = clock.seconds();
        SyncResult.Point point = timed ? point(core.state(), seconds)
            : clock.excluding(() -> point(core.state(), seconds));
        while (timed && nextEvaluation <= seconds) {
          nextEvaluation += intervalSeconds;
        }
        points.add(point);
        LOG.info("sync held-out evaluation at step {} ({} s of training): decision accuracy {} on v0 clues, "
            + "no-image {}, N/A {}", point.step(), point.seconds(), point.decisionAccuracy(),
            point.noImageAccuracy(), point.naRate());
      }
      if (timeLimitReached) {
        LOG.info("sync run reached its time limit {} after {} steps", settings.timeLimit().get(), step);
        break;
      }
    }
    double seconds = clock.seconds();
    double cpuSeconds = (ProcessUsage.cpuNanos() - cpuAtStart) / 1e9;
    TrainerState end = core.state();
    Evaluation heldOut = decisionAccuracy(false);
    Evaluation noImage = decisionAccuracy(true);
    double[] winRates = winRates();
    return new SyncResult(settings.runId(), end.step(), applied, end.step() - applied,
        end.step() * settings.gamesPerStep(), seconds, cpuSeconds, end.policyVersion(), lastLoss,
        heldOut.accuracy(), noImage.accuracy(), heldOut.naRate(), (winRates[0] + winRates[1]) / 2, winRates[0],
        winRates[1], timeLimitReached, points);
  }

  /** Wall time since the start, less the time spent in the evaluations kept out of it. */
  private static final class TrainingClock {
    private final LongSupplier nanos;
    private final long start;
    private long excluded;

    TrainingClock(LongSupplier nanos) {
      this.nanos = nanos;
      this.start = nanos.getAsLong();
    }

    double seconds() {
      return (nanos.getAsLong() - start - excluded) / 1e9;
    }

    <T> T excluding(Supplier<T> work) {
      long before = nanos.getAsLong();
      try {
        return work.get();
      } finally {
        excluded += nanos.getAsLong() - before;
      }
    }
  }

  private SyncResult.Point point(TrainerState state, double seconds) {
    Evaluation withImage = onBaseClues(state.step(), false);
    Evaluation blank = onBaseClues(state.step(), true);
    return new SyncResult.Point(state.step(), seconds, state.step() * settings.gamesPerStep(),
        state.policyVersion(), withImage.accuracy(), blank.accuracy(), withImage.naRate(), withImage.samples());
  }

  private record Evaluation(double accuracy, double naRate, int samples) {}

  /** The trained policy everywhere (the end-of-run figure). */
  private Evaluation decisionAccuracy(boolean blankImage) {
    List<GameSetup> setups = new ArrayList<>();
    for (int g = 0; g < settings.heldOutGames(); g++) {
      long seed = HELD_OUT_SEED_BASE + g;
      setups.add(new GameSetup("held-out/" + g + (blankImage ? "/blank" : ""), seed, pairIdOf(seed),
          pictures(seed), Purpose.EVALUATION, current, current, current, blankImage));
    }
    return tally(setups);
  }

  /** v0 gives every clue and the trained policy decides: the streaming evaluator's decision (no-image) arm. */
  private Evaluation onBaseClues(long step, boolean blankImage) {
    List<GameSetup> setups = new ArrayList<>();
    for (int g = 0; g < settings.evalGames(); g++) {
      long seed = HELD_OUT_SEED_BASE + g;
      setups.add(new GameSetup("held-out-v0-clues/" + step + "/" + g + (blankImage ? "/blank" : ""), seed,
          pairIdOf(seed), pictures(seed), Purpose.EVALUATION, base, base, current, blankImage));
    }
    return tally(setups);
  }

  private Evaluation tally(List<GameSetup> setups) {
    int samples = 0;
    int correct = 0;
    int abstained = 0;
    for (ScoredTrajectory game : games.play(setups, Instant.now())) {
      for (ScoredDecision decision : game.getDecisions()) {
        samples++;
        correct += decision.getCorrect() ? 1 : 0;
        abstained += decision.getDecision().getVoteKind() == VoteKind.ABSTAIN ? 1 : 0;
      }
    }
    inFlight.clear();
    return new Evaluation(share(correct, samples), share(abstained, samples), samples);
  }

  /** Win rates {as civilians, as spy} of the trained policy against v0, with v0 as the fixed referee. */
  private double[] winRates() {
    int half = settings.winRateGames() / 2;
    List<GameSetup> setups = new ArrayList<>();
    for (int g = 0; g < settings.winRateGames(); g++) {
      long seed = WIN_RATE_SEED_BASE + g;
      boolean trainedCivilians = g < half;
      setups.add(new GameSetup("win-rate/" + g, seed, pairIdOf(seed), pictures(seed), Purpose.EVALUATION,
          trainedCivilians ? current : base, trainedCivilians ? base : current, base, false));
    }
    List<ScoredTrajectory> played = games.play(setups, Instant.now());
    inFlight.clear();
    int civilianWins = 0;
    int spyWins = 0;
    for (int g = 0; g < played.size(); g++) {
      Winner winner = played.get(g).getOutcome().getWinner();
      if (g < half) {
        civilianWins += winner == Winner.CIVILIANS ? 1 : 0;
      } else {
        spyWins += winner == Winner.SPY ? 1 : 0;
      }
    }
    return new double[] {share(civilianWins, half), share(spyWins, half)};
  }

  private PairPictures pictures(long seed) {
    PairPictures pictures = pairs.pair(seed);
    inFlight.put(pairIdOf(seed), pictures);
    return pictures;
  }

  private static String pairIdOf(long seed) {
    return "sync-pair-" + seed;
  }

  private static double share(int part, int whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
