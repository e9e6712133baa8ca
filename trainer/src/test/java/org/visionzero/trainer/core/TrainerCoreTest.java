package org.visionzero.trainer.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;
import org.visionzero.events.Purpose;
import org.visionzero.events.TurnKind;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.reward.RaeBaselines;
import org.visionzero.trainer.TestTrajectories;
import org.visionzero.trainer.batch.StepBatch;
import org.visionzero.game.outcome.DecisionGames;
import org.visionzero.game.reward.DecisionAdvantage;
import org.visionzero.trainer.phase.IterativeSpoControl;
import org.visionzero.trainer.sample.StalenessFilter;
import org.visionzero.trainer.sample.TrainingSample;
import org.visionzero.trainer.state.TrainerState;
import org.visionzero.trainer.step.LearningRateSchedule;
import org.visionzero.trainer.step.NothingToTrainException;
import org.visionzero.trainer.step.PreparedUpdate;
import org.visionzero.policy.train.GrpoMetrics;
import org.visionzero.trainer.step.TrainingStep;

class TrainerCoreTest {
  private static final LearningRateSchedule SCHEDULE = new LearningRateSchedule(1e-3, 1, 100);

  /** Records what the core did with each update. */
  private static class RecordingStep implements TrainingStep {
    final List<String> calls = new ArrayList<>();
    final List<List<TrainingSample>> seen = new ArrayList<>();
    double loss = 0.5;
    boolean untrainable;

    @Override
    public PreparedUpdate compute(Phase phase, List<TrainingSample> samples, double learningRate) {
      seen.add(samples);
      if (untrainable) {
        throw new NothingToTrainException("text samples cannot be scored by this model");
      }
      GrpoMetrics metrics = new GrpoMetrics(loss, 0.01, 0.1, 2.0);
      return new PreparedUpdate() {
        @Override public GrpoMetrics metrics() { return metrics; }
        @Override public void apply() { calls.add("apply"); }
        @Override public void discard() { calls.add("discard"); }
      };
    }
  }

  private static TrainerCore core(RecordingStep step, int maxLag, int version) {
    IterativeSpoControl phases = IterativeSpoControl.start(GameConfig.code());
    TrainerState initial = TrainerState.initial(version, RaeBaselines.initial(0.9), phases.state());
    return new TrainerCore(initial, phases, new StalenessFilter(TestTrajectories.POLICY, maxLag), SCHEDULE, step, 2);
  }

  private static StepBatch batch(int version, String... gameIds) {
    return new StepBatch(Arrays.stream(gameIds)
        .map(id -> TestTrajectories.game(id, Purpose.TRAINING, version)).toList(), Map.of(0, 9L), 0, 0);
  }

  @Test
  void shouldSkipAndCountAStepWhoseLossIsNotFiniteWithoutApplyingIt() {
    RecordingStep step = new RecordingStep();
    step.loss = Double.NaN;
    TrainerCore core = core(step, 4, 0);

    StepReport report = core.step(batch(0, "g1", "g2"));

    assertThat(step.calls).containsExactly("discard");
    assertThat(report.completed().getApplied()).isFalse();
    assertThat(report.completed().getSkipReason()).contains("non-finite loss=NaN");
    assertThat(report.state().counters().stepsSkipped()).isEqualTo(1);
    assertThat(report.state().step()).isEqualTo(1);
  }

  @Test
  void shouldApplyAFiniteStepAndReportItsBatch() {
    RecordingStep step = new RecordingStep();
    TrainerCore core = core(step, 4, 0);

    StepReport report = core.step(batch(0, "g1", "g2"));

    assertThat(step.calls).containsExactly("apply");
    assertThat(report.completed().getApplied()).isTrue();
    assertThat(report.completed().getPhase()).isEqualTo(Phase.DECISION);
    assertThat(report.completed().getSamples()).isEqualTo(8);
    assertThat(report.completed().getDecisionAccuracy()).isEqualTo(0.5);
    assertThat(report.completed().getNaRate()).isEqualTo(0.25);
    assertThat(report.state().offsets()).containsExactly(Map.entry(0, 9L));
    assertThat(report.state().ledger().gameIds()).containsExactly("g1", "g2");
  }

  @Test
  void shouldLeaveOutGamesWhoseSpyOnlyRepeatedAndSayWhyWhenNothingIsLeft() {
    RecordingStep step = new RecordingStep();
    TrainerCore core = core(step, 4, 0); // default options: repeating-spy games left out of DECISION steps
    StepBatch hiding = new StepBatch(List.of(
        TestTrajectories.spyRepeatsSeatOne(TestTrajectories.game("g1", Purpose.TRAINING, 0)),
        TestTrajectories.spyRepeatsSeatOne(TestTrajectories.game("g2", Purpose.TRAINING, 0))), Map.of(0, 9L), 0, 0);

    StepReport report = core.step(hiding);

    assertThat(step.calls).isEmpty();
    assertThat(report.completed().getPhase()).isEqualTo(Phase.DECISION);
    assertThat(report.completed().getApplied()).isFalse();
    assertThat(report.completed().getSkipReason())
        .contains("of 2 games 2 left out because their spy only repeated other seats' clues and 0 because no vote "
            + "named the spy");
  }

  @Test
  void shouldTakeSeveralUpdatesOnTheSameDecisionSamplesButOneOnClueSamples() {
    RecordingStep step = new RecordingStep();
    IterativeSpoControl phases = IterativeSpoControl.start(GameConfig.code());
    TrainerState initial = TrainerState.initial(0, RaeBaselines.initial(0.9), phases.state());
    TrainerCore core = new TrainerCore(initial, phases, new StalenessFilter(TestTrajectories.POLICY, 4), SCHEDULE,
        step, 2, new StepOptions(DecisionAdvantage.CENTERED, 3, DecisionGames.defaults(), true));

    StepReport decision = core.step(batch(0, "g1", "g2"));
    assertThat(step.calls).containsExactly("apply", "apply", "apply");
    assertThat(step.seen).hasSize(3).allSatisfy(samples -> assertThat(samples).isEqualTo(step.seen.get(0)));
    assertThat(decision.completed().getApplied()).isTrue();

    step.calls.clear();
    StepReport clue = core.step(batch(0, "g3"));
    assertThat(clue.completed().getPhase()).isEqualTo(Phase.CLUE);
    assertThat(step.calls).containsExactly("apply");
  }

  @Test
  void shouldEndTheUpdatesOfAStepAtTheFirstNonFiniteOneAndKeepTheStepApplied() {
    RecordingStep step = new RecordingStep() {
      @Override
      public PreparedUpdate compute(Phase phase, List<TrainingSample> samples, double learningRate) {
        loss = seen.size() == 1 ? Double.NaN : 0.5; // the second update diverges
        return super.compute(phase, samples, learningRate);
      }
    };
    IterativeSpoControl phases = IterativeSpoControl.start(GameConfig.code());
    TrainerState initial = TrainerState.initial(0, RaeBaselines.initial(0.9), phases.state());
    TrainerCore core = new TrainerCore(initial, phases, new StalenessFilter(TestTrajectories.POLICY, 4), SCHEDULE,
        step, 2, new StepOptions(DecisionAdvantage.CENTERED, 4, DecisionGames.defaults(), true));

    StepReport report = core.step(batch(0, "g1"));

    assertThat(step.calls).containsExactly("apply", "discard");
    assertThat(report.completed().getApplied()).isTrue();
    assertThat(report.completed().getLoss()).isEqualTo(0.5);
    assertThat(report.state().counters().stepsSkipped()).isZero();
  }

  @Test
  void shouldTrainTheNextPhasesSamplesAfterASwitchAndCarryTheBaselines() {
    RecordingStep step = new RecordingStep();
    TrainerCore core = core(step, 4, 0);

    StepReport first = core.step(batch(0, "g1"));
    StepReport second = core.step(batch(0, "g2"));

    assertThat(first.phaseChanged()).hasValueSatisfying(p -> assertThat(p.getTo()).isEqualTo(Phase.CLUE));
    assertThat(step.seen.get(1)).allSatisfy(s -> assertThat(s.kind()).isEqualTo(TurnKind.CLUE));
    double expectedSpy = 0.9 * first.completed().getBaselineSpy() + 0.1 * -0.4333;
    assertThat(second.completed().getBaselineSpy()).isCloseTo(expectedSpy, within(1e-12));
  }

  @Test
  void shouldMarkEveryKthStepAsCheckpointWithTheNextVersion() {
    TrainerCore core = core(new RecordingStep(), 4, 3);

    StepReport first = core.step(batch(3, "g1"));
    StepReport second = core.step(batch(3, "g2"));

    assertThat(first.checkpointDue()).isFalse();
    assertThat(first.completed().getPolicyVersion()).isEqualTo(3);
    assertThat(second.checkpointDue()).isTrue();
    assertThat(second.completed().getPolicyVersion()).isEqualTo(4);
  }

  @Test
  void shouldDropAndCountStaleSamplesAndSkipAStepWithNothingLeft() {
    RecordingStep step = new RecordingStep();
    TrainerCore core = core(step, 1, 5);

    StepReport report = core.step(batch(2, "old"));

    assertThat(step.calls).isEmpty();
    assertThat(report.completed().getDroppedStale()).isEqualTo(4);
    assertThat(report.completed().getApplied()).isFalse();
    assertThat(report.completed().getSkipReason()).contains("no trainable samples");
    assertThat(report.state().counters().samplesDroppedStale()).isEqualTo(4);
    assertThat(report.state().counters().stepsSkipped()).isZero();
  }

  @Test
  void shouldSkipWithoutCountingAsNonFiniteWhenTheModelCanScoreNoSample() {
    RecordingStep step = new RecordingStep();
    step.untrainable = true;
    TrainerCore core = core(step, 4, 0);

    StepReport report = core.step(batch(0, "g1"));

    assertThat(report.completed().getApplied()).isFalse();
    assertThat(report.completed().getSkipReason()).isEqualTo("text samples cannot be scored by this model");
    assertThat(report.state().counters().stepsSkipped()).isZero();
    assertThat(report.state().step()).isEqualTo(1);
  }
}
