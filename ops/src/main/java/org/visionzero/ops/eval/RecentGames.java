package org.visionzero.ops.eval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.visionzero.events.ScoredTrajectory;

/** The latest scored games of each arm, a few per arm, for the report's sample games. Not thread-safe. */
final class RecentGames {

  private final String runId;
  private final int perArm;
  private final Map<EvalArm, ArrayDeque<ScoredTrajectory>> byArm = new EnumMap<>(EvalArm.class);

  RecentGames(String runId, int perArm) {
    this.runId = runId;
    this.perArm = perArm;
  }

  /** Keeps a game of this run's evaluation (any other game is ignored), dropping its arm's oldest beyond the limit. */
  void add(ScoredTrajectory game) {
    EvalTags.of(game.getTags(), runId).ifPresent(tags -> {
      ArrayDeque<ScoredTrajectory> games = byArm.computeIfAbsent(tags.arm(), a -> new ArrayDeque<>());
      games.addLast(game);
      if (games.size() > perArm) {
        games.removeFirst();
      }
    });
  }

  /** Arm by arm in arm order, newest last within an arm. */
  List<ScoredTrajectory> games() {
    List<ScoredTrajectory> games = new ArrayList<>();
    byArm.values().forEach(games::addAll);
    return games;
  }
}
