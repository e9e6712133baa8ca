package org.visionzero.ops.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;
import org.visionzero.events.PhaseChanged;
import org.visionzero.events.TrainingEvent;

class TrainingHistoryTest {

  @Test
  void givenAPhaseChangeReadTwice_whenAdded_thenItIsOneChange() {
    TrainingHistory history = new TrainingHistory("run");
    TrainingEvent change = TrainingEvent.newBuilder().setEventId("run/phase/4").setOccurredAt(Instant.EPOCH)
        .setRunId("run").setPayload(PhaseChanged.newBuilder().setStep(4L).setFrom(Phase.CLUE).setTo(Phase.DECISION)
            .setReason("switch").build()).build();

    history.add(change);
    history.add(change);

    assertThat(history.phaseChanges()).hasSize(1);
  }
}
