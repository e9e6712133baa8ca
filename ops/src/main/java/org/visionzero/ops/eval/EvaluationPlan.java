package org.visionzero.ops.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The games still to request for one version: a target per arm, handed out arm by arm in turn so that every arm
 * has about as many games whenever the plan is cut short. Arm k's n-th game uses held-out pair n (cycling), so
 * the decision and no-image arms play the same pairs.
 */
final class EvaluationPlan {

  /** One game to request. */
  record Next(EvalArm arm, int index) {
  }

  private final int version;
  private final String label;
  private final List<EvalArm> arms;
  private final Map<EvalArm, Integer> remaining = new EnumMap<>(EvalArm.class);
  private final Map<EvalArm, Integer> issued = new EnumMap<>(EvalArm.class);
  private int cursor;

  /**
   * @param label unique per plan (part of the request ids, so plans never collide)
   * @param alreadyScored games of each arm this version has already: only the rest is requested
   */
  EvaluationPlan(int version, String label, List<EvalArm> arms, int gamesPerArm, Map<EvalArm, Long> alreadyScored) {
    this.version = version;
    this.label = label;
    this.arms = List.copyOf(arms);
    for (EvalArm arm : arms) {
      remaining.put(arm, (int) Math.max(0, gamesPerArm - alreadyScored.getOrDefault(arm, 0L)));
      issued.put(arm, 0);
    }
  }

  /**
   * The plan of {@code version}: the {@code played} arms, but those that need a referee only once one is chosen;
   * the games {@code tally} already has of an arm count towards its target.
   */
  static EvaluationPlan forVersion(int version, String label, Set<EvalArm> played, OptionalInt referee,
      int gamesPerArm, EvaluationTally tally) {
    List<EvalArm> arms = new ArrayList<>();
    for (EvalArm arm : EvalArm.values()) {
      if (played.contains(arm) && (!arm.needsReferee() || referee.isPresent())) {
        arms.add(arm);
      }
    }
    Map<EvalArm, Long> scored = new EnumMap<>(EvalArm.class);
    arms.forEach(arm -> scored.put(arm, tally.games(version, arm)));
    return new EvaluationPlan(version, label, arms, gamesPerArm, scored);
  }

  int version() {
    return version;
  }

  String label() {
    return label;
  }

  boolean done() {
    return remaining.values().stream().allMatch(n -> n == 0);
  }

  Optional<Next> next() {
    for (int tried = 0; tried < arms.size(); tried++) {
      EvalArm arm = arms.get(cursor);
      cursor = (cursor + 1) % arms.size();
      if (remaining.get(arm) > 0) {
        remaining.merge(arm, -1, Integer::sum);
        int index = issued.merge(arm, 1, Integer::sum) - 1;
        return Optional.of(new Next(arm, index));
      }
    }
    return Optional.empty();
  }
}
