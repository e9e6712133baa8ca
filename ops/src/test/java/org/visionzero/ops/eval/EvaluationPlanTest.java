package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluationPlanTest {

  @Test
  void shouldHandOutArmsInTurnAndOnlyWhatIsMissing() {
    EvaluationPlan plan = new EvaluationPlan(4, "p1", List.of(EvalArm.DECISION, EvalArm.NO_IMAGE), 3,
        Map.of(EvalArm.NO_IMAGE, 2L));

    List<EvaluationPlan.Next> handed = new ArrayList<>();
    for (Optional<EvaluationPlan.Next> next = plan.next(); next.isPresent(); next = plan.next()) {
      handed.add(next.get());
    }

    assertThat(handed).containsExactly(new EvaluationPlan.Next(EvalArm.DECISION, 0),
        new EvaluationPlan.Next(EvalArm.NO_IMAGE, 0), new EvaluationPlan.Next(EvalArm.DECISION, 1),
        new EvaluationPlan.Next(EvalArm.DECISION, 2));
    assertThat(plan.done()).isTrue();
  }

  @Test
  void shouldPinEverySeatOfARequestAndTagTheArm() {
    var evaluated = new org.visionzero.events.PolicyRef("vz", 7);
    var base = new org.visionzero.events.PolicyRef("vz", 0);
    var referee = new org.visionzero.events.PolicyRef("vz", 3);

    var request = EvaluationRequests.request("pair-1", new EvalTags("r", EvalArm.CLUE_AS_SPY, 7, 3), evaluated,
        base, referee, "p1-0", java.time.Instant.EPOCH);
    var control = EvaluationRequests.request("pair-1", new EvalTags("r", EvalArm.NO_IMAGE, 7, -1), evaluated,
        base, null, "p1-0", java.time.Instant.EPOCH);
    var decision = EvaluationRequests.request("pair-1", new EvalTags("r", EvalArm.DECISION, 7, -1), evaluated,
        base, null, "p1-0", java.time.Instant.EPOCH);

    assertThat(request.getCivilianPolicy()).isEqualTo(base);
    assertThat(request.getSpyPolicy()).isEqualTo(evaluated);
    assertThat(request.getDecisionPolicy()).isEqualTo(referee);
    assertThat(request.getPurpose()).isEqualTo(org.visionzero.events.Purpose.EVALUATION);
    assertThat(EvalTags.of(request.getTags(), "r")).contains(new EvalTags("r", EvalArm.CLUE_AS_SPY, 7, 3));
    assertThat(control.getBlankDecisionImage()).isTrue();
    assertThat(control.getSeed()).isEqualTo(decision.getSeed());
    assertThat(control.getEventId()).isNotEqualTo(decision.getEventId());
  }
}
