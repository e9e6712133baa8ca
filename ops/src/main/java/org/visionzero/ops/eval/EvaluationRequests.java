package org.visionzero.ops.eval;

import java.time.Instant;
import org.visionzero.events.GameRequested;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;

/** Builds the {@code GameRequested} of one evaluation game with every seat pinned to a version. */
public final class EvaluationRequests {

  public static final String REQUESTED_BY = "vz-evaluator";

  private EvaluationRequests() {
  }

  /**
   * @param round distinguishes repeated games of the same arm, version and pair (part of the event id, so a
   *     re-sent request is recognised as a duplicate while a new round is a new game)
   */
  public static GameRequested request(String pairId, EvalTags tags, PolicyRef evaluated, PolicyRef base,
      PolicyRef referee, String round, Instant now) {
    EvalArm arm = tags.arm();
    String eventId = String.join("/", "eval", tags.runId(), "v" + tags.evaluatedVersion(), arm.wireName(),
        round, pairId);
    return GameRequested.newBuilder()
        .setEventId(eventId)
        .setOccurredAt(now)
        .setPairId(pairId)
        .setPurpose(Purpose.EVALUATION)
        .setCivilianPolicy(arm.civilians(evaluated, base, referee))
        .setSpyPolicy(arm.spy(evaluated, base, referee))
        .setDecisionPolicy(arm.decision(evaluated, base, referee))
        .setBlankDecisionImage(arm.blankDecisionImage())
        // The same seed across arms: decision and no-image games differ only in the image.
        .setSeed((long) eventId.replace("/" + arm.wireName() + "/", "/").hashCode())
        .setRequestedBy(REQUESTED_BY)
        .setTags(tags.toMap())
        .build();
  }
}
