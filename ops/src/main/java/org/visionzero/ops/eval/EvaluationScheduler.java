package org.visionzero.ops.eval;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which version the evaluator plays games of now. While training runs ({@code continuous}) the first plan is
 * always v0's, the base every curve starts from, even when the trainer has published newer versions by then; a
 * version's plan is finished before the newest version is taken up, so versions in between are skipped and every
 * evaluated version gets its full number of games; a new plan starts at most once per cadence interval. A plan
 * asked for by {@link #request} (the final evaluation) comes before all of that. Not thread-safe: the evaluator
 * guards it.
 */
final class EvaluationScheduler {

  /** Makes the plan of one version (which arms, which games are still missing). */
  interface Plans {
    EvaluationPlan forVersion(int version, int gamesPerArm);
  }

  private final EvaluationCadence cadence;
  private final boolean continuous;
  private final int gamesPerArm;
  private EvaluationPlan plan;
  private EvaluationPlan requested;

  /**
   * @param continuous  whether to evaluate new versions on its own (else only requested plans are played)
   * @param gamesPerArm games of each arm in a plan it starts on its own
   */
  EvaluationScheduler(EvaluationCadence cadence, boolean continuous, int gamesPerArm) {
    this.cadence = cadence;
    this.continuous = continuous;
    this.gamesPerArm = gamesPerArm;
  }

  /**
   * The plan to request games of now, given the newest version published ({@link CheckpointVersions#NONE} for
   * none yet); empty before the first plan.
   */
  Optional<EvaluationPlan> current(int latestVersion, Instant now, Plans plans) {
    if (requested != null) {
      plan = requested;
    } else if (continuous && latestVersion >= 0 && (plan == null || (plan.version() < latestVersion && plan.done()))
        && cadence.due(now)) {
      plan = plans.forVersion(plan == null ? Evaluator.BASE_VERSION : latestVersion, gamesPerArm);
      cadence.started(now);
    }
    return Optional.ofNullable(plan);
  }

  /** Plays {@code requested} before anything else until {@link #endRequest}. */
  void request(EvaluationPlan plan) {
    requested = plan;
  }

  /** Back to evaluating new versions; the requested plan stays current until a new one starts. */
  void endRequest() {
    requested = null;
  }

  /** The versions of the current and the requested plan (those games may still ask a worker to load). */
  Set<Integer> versionsPlanned() {
    Set<Integer> versions = new HashSet<>();
    if (plan != null) {
      versions.add(plan.version());
    }
    if (requested != null) {
      versions.add(requested.version());
    }
    return versions;
  }
}
