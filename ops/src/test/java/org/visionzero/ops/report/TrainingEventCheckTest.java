package org.visionzero.ops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.Phase;
import org.visionzero.events.TrainingEvent;
import org.visionzero.events.TrainingStepCompleted;

class TrainingEventCheckTest {

  @Test
  void givenAnAppliedStepWithANaNLoss_whenChecked_thenRefused() {
    assertThatThrownBy(() -> TrainingEventCheck.validate(event(3, true, Double.NaN)))
        .isInstanceOf(InvalidRecordException.class).hasMessageStartingWith("training-value-not-finite: ");
    assertThatThrownBy(() -> TrainingEventCheck.validate(event(-1, true, 0.5)))
        .hasMessageStartingWith("step-out-of-range: ");
  }

  @Test
  void givenASkippedStepWithANaNLossOrANormalStep_whenChecked_thenAccepted() {
    TrainingEvent skipped = event(3, false, Double.NaN);
    TrainingEvent normal = event(4, true, 0.5);

    assertThat(TrainingEventCheck.validate(skipped)).isSameAs(skipped);
    assertThat(TrainingEventCheck.validate(normal)).isSameAs(normal);
  }

  private static TrainingEvent event(long step, boolean applied, double loss) {
    TrainingStepCompleted completed = TrainingStepCompleted.newBuilder().setStep(step).setPolicyVersion(0)
        .setPhase(Phase.CLUE).setApplied(applied).setGames(1).setSamples(1).setDroppedStale(0).setMeanStaleness(0)
        .setLoss(loss).setKl(0).setClipFraction(0).setGradNorm(applied ? 1.0 : Double.NaN).setLearningRate(0)
        .setMeanSpyReward(0).setMeanCivilianReward(0).setBaselineSpy(0).setBaselineCivilian(0)
        .setMeanDecisionReward(0).setDecisionAccuracy(0).setNaRate(0).setInvalidRate(0).setMeanClueLength(0)
        .setSpyWinRate(0).build();
    return TrainingEvent.newBuilder().setEventId("run/step/" + step).setOccurredAt(Instant.EPOCH).setRunId("run")
        .setPayload(completed).build();
  }
}
