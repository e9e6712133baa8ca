package org.visionzero.trainer.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.events.Phase;
import org.visionzero.events.PhaseChanged;
import org.visionzero.events.TrainingStepCompleted;
import org.visionzero.game.outcome.DecisionGames;
import org.visionzero.game.reward.RaeAdvantages;
import org.visionzero.game.spo.PhaseSwitch;
import org.visionzero.policy.train.GrpoMetrics;
import org.visionzero.trainer.batch.StepBatch;
import org.visionzero.trainer.phase.PhaseControl;
import org.visionzero.trainer.sample.PhaseSampleSelector;
import org.visionzero.trainer.sample.StalenessFilter;
import org.visionzero.trainer.sample.TrainingSample;
import org.visionzero.trainer.state.TrainerState;
import org.visionzero.trainer.step.LearningRateSchedule;
import org.visionzero.trainer.step.NothingToTrainException;
import org.visionzero.trainer.step.PreparedUpdate;
import org.visionzero.trainer.step.TrainingStep;

/**
 * One optimizer step from a batch, shared by the streaming trainer and the synchronous loop: RAE update,
 * samples of the current phase, staleness bound, GRPO update (skipped when not finite), phase controller.
 * It holds no Kafka and no model code: both come in through {@link TrainingStep} and the caller.
 */
public final class TrainerCore {
  private static final Logger LOG = LoggerFactory.getLogger(TrainerCore.class);

  private final StalenessFilter staleness;
  private final LearningRateSchedule schedule;
  private final PhaseControl phases;
  private final TrainingStep trainingStep;
  private final int checkpointEvery;
  private final StepOptions options;
  private volatile TrainerState state;

  /**
   * @param state           the state to continue from (initial or restored from a checkpoint)
   * @param phases          the phase controller, already at {@code state.phase()}
   * @param checkpointEvery K: a checkpoint is due after every K-th step
   */
  public TrainerCore(TrainerState state, PhaseControl phases, StalenessFilter staleness,
      LearningRateSchedule schedule, TrainingStep trainingStep, int checkpointEvery) {
    this(state, phases, staleness, schedule, trainingStep, checkpointEvery, StepOptions.defaults());
  }

  /**
   * @param options how a step uses its batch (decision advantages, updates per batch)
   */
  public TrainerCore(TrainerState state, PhaseControl phases, StalenessFilter staleness,
      LearningRateSchedule schedule, TrainingStep trainingStep, int checkpointEvery, StepOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.state = Objects.requireNonNull(state, "state");
    this.phases = Objects.requireNonNull(phases, "phases");
    this.staleness = Objects.requireNonNull(staleness, "staleness");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.trainingStep = Objects.requireNonNull(trainingStep, "trainingStep");
    if (checkpointEvery < 1) {
      throw new IllegalArgumentException("checkpoint interval must be >= 1 step, was " + checkpointEvery);
    }
    if (!phases.state().equals(state.phase())) {
      throw new IllegalArgumentException("phase controller state " + phases.state()
          + " differs from the trainer state's " + state.phase());
    }
    this.checkpointEvery = checkpointEvery;
  }

  public TrainerState state() {
    return state;
  }

  /** Replaces the state after a checkpoint was written (new version, fresh ledger). */
  public void checkpointWritten(TrainerState afterCheckpoint) {
    this.state = Objects.requireNonNull(afterCheckpoint, "afterCheckpoint");
  }

  /** Takes one step on a batch and returns what happened. */
  public StepReport step(StepBatch batch) {
    long step = state.step() + 1;
    Phase phase = phases.phase();
    RaeAdvantages rae = RaeAdvantages.apply(state.baselines(), batch.games(), options.roleAdvantage());
    List<TrainingSample> selected = PhaseSampleSelector.select(phase, batch.games(), rae,
        options.decisionAdvantage(), options.decisionGames());
    StalenessFilter.Result filtered = staleness.filter(selected, state.policyVersion());
    double learningRate = schedule.rate(step, phase);
    BatchStatistics stats = BatchStatistics.of(batch.games());

    GrpoMetrics metrics = new GrpoMetrics(0, 0, 0, 0);
    String skipReason = "";
    boolean nonFinite = false;
    if (filtered.kept().isEmpty()) {
      skipReason = "no trainable samples (" + filtered.droppedStale() + " stale, " + filtered.droppedForeign()
          + " of other policies" + leftOutNote(phase, batch) + ")";
    } else {
      try {
        int updates = phase == Phase.DECISION ? options.decisionUpdates() : 1;
        for (int u = 0; u < updates; u++) {
          PreparedUpdate update = trainingStep.compute(phase, filtered.kept(), learningRate);
          if (!update.metrics().finite()) {
            update.discard();
            if (u == 0) {
              metrics = update.metrics();
              skipReason = metrics.nonFiniteReason();
              nonFinite = true;
              LOG.warn("step {} skipped, weights untouched: {}", step, skipReason);
            }
            break; // a later update that went non-finite only ends the step early
          }
          update.apply();
          if (u == 0) {
            metrics = update.metrics(); // the batch as sampled: before this step moved the weights
          }
        }
      } catch (NothingToTrainException e) {
        skipReason = e.getMessage();
      }
    }
    boolean applied = skipReason.isEmpty();
    Optional<PhaseSwitch> change = phases.afterStep(stats.decisionAccuracy(), stats.naRate());
    boolean checkpointDue = step % checkpointEvery == 0;

    state = new TrainerState(step, state.policyVersion(), rae.baselines(), phases.state(), batch.nextOffsets(),
        state.counters().plus(batch.games().size(), nonFinite, filtered.droppedStale()),
        state.ledger().plus(batch.gameIds()));
    TrainingStepCompleted completed = TrainingStepCompleted.newBuilder()
        .setStep(step)
        .setPolicyVersion(state.policyVersion() + (checkpointDue ? 1 : 0))
        .setPhase(phase)
        .setApplied(applied)
        .setSkipReason(skipReason)
        .setGames(batch.games().size())
        .setSamples(filtered.kept().size())
        .setDroppedStale(filtered.droppedStale())
        .setMeanStaleness(filtered.meanLag())
        .setLoss(metrics.loss())
        .setKl(metrics.kl())
        .setClipFraction(metrics.clipFraction())
        .setGradNorm(metrics.gradNorm())
        .setLearningRate(learningRate)
        .setMeanSpyReward(rae.meanSpy().orElse(0))
        .setMeanCivilianReward(rae.meanCivilian().orElse(0))
        .setBaselineSpy(rae.baselines().bSpy())
        .setBaselineCivilian(rae.baselines().bCiv())
        .setMeanDecisionReward(stats.meanDecisionReward())
        .setDecisionAccuracy(stats.decisionAccuracy())
        .setNaRate(stats.naRate())
        .setInvalidRate(stats.invalidRate())
        .setMeanClueLength(stats.meanClueLength())
        .setSpyWinRate(stats.spyWinRate())
        .build();
    Optional<PhaseChanged> phaseChanged = change.map(s -> PhaseChanged.newBuilder()
        .setStep(step).setFrom(s.from()).setTo(s.to()).setReason(s.reason()).build());
    return new StepReport(state, completed, phaseChanged, checkpointDue, batch.gameIds());
  }

  private String leftOutNote(Phase phase, StepBatch batch) {
    if (phase != Phase.DECISION) {
      return "";
    }
    Map<DecisionGames.Reason, Integer> leftOut = PhaseSampleSelector.leftOutGames(batch.games(),
        options.decisionGames());
    return ", of " + batch.games().size() + " games " + leftOut.getOrDefault(DecisionGames.Reason.REPEATING_SPY, 0)
        + " left out because their spy only repeated other seats' clues and "
        + leftOut.getOrDefault(DecisionGames.Reason.UNSOLVED, 0) + " because no vote named the spy";
  }

}
