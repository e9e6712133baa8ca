package org.visionzero.ops.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.visionzero.events.GameRequested;
import org.visionzero.events.PolicyRef;

/**
 * Turns a plan's next games into requests, as many as the in-flight window has room for: the n-th game of an arm
 * plays held-out pair n (cycling through the pairs), in round "{@code label}-{@code cycle}", every seat pinned to
 * the evaluated version, v0 or the referee.
 */
final class PlannedGames {

  private final String runId;
  private final String policyName;

  PlannedGames(String runId, String policyName) {
    this.runId = runId;
    this.policyName = policyName;
  }

  /** Requests of the plan's next games, each counted as sent in {@code window}; none while no pair is known. */
  List<GameRequested> take(EvaluationPlan plan, HeldOutPairs pairs, OptionalInt referee, GamesInFlight window,
      Instant now) {
    List<GameRequested> batch = new ArrayList<>();
    if (pairs.isEmpty()) {
      return batch;
    }
    PolicyRef evaluated = new PolicyRef(policyName, plan.version());
    PolicyRef base = new PolicyRef(policyName, Evaluator.BASE_VERSION);
    PolicyRef refereeRef = referee.isPresent() ? new PolicyRef(policyName, referee.getAsInt()) : null;
    while (window.hasRoom()) {
      Optional<EvaluationPlan.Next> next = plan.next();
      if (next.isEmpty()) {
        break;
      }
      EvalArm arm = next.get().arm();
      int index = next.get().index();
      // A plan holds referee arms only when a referee was chosen before it started, and a choice is never undone.
      EvalTags tags = new EvalTags(runId, arm, plan.version(),
          arm.needsReferee() ? referee.getAsInt() : EvalTags.NO_REFEREE);
      batch.add(EvaluationRequests.request(pairs.forGame(index), tags, evaluated, base, refereeRef,
          plan.label() + "-" + pairs.cycle(index), now));
      window.sent();
    }
    return batch;
  }
}
