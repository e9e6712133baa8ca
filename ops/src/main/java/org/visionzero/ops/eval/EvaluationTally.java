package org.visionzero.ops.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.visionzero.events.Role;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.VoteKind;
import org.visionzero.game.outcome.ClueRepeats;
import org.visionzero.policy.scene.SceneFacts;

/**
 * Folds scored evaluation games of one evaluator run into figures by version and arm. Counts each game once
 * (by game id), so a re-read log does not double-count. Not thread-safe: the evaluator guards it.
 */
public final class EvaluationTally {

  private final String runId;
  private final Function<String, Optional<SceneFacts>> scenes;
  private final Set<String> counted = new HashSet<>();
  private final Map<Integer, Map<EvalArm, ArmTally>> byVersion = new TreeMap<>();
  private final Map<Integer, Integer> refereeByVersion = new TreeMap<>();

  /** Tallies of one arm for one version. */
  private static final class ArmTally {
    long games;
    ClusteredProportion correct = ClusteredProportion.EMPTY;
    ClusteredProportion abstained = ClusteredProportion.EMPTY;
    /** Pairs of the games that had decision samples. */
    final Set<String> decisionPairs = new HashSet<>();
    Proportion won = Proportion.EMPTY;
    Mean fidelity = Mean.EMPTY;
    Proportion spyEchoes = Proportion.EMPTY;
    Mean correctPerGame = Mean.EMPTY;
  }

  /**
   * @param scenes the scene graph of a pair, when known (clue fidelity needs it; games without one add none)
   */
  public EvaluationTally(String runId, Function<String, Optional<SceneFacts>> scenes) {
    this.runId = runId;
    this.scenes = scenes;
  }

  /** Adds a scored game; returns false when it is not one of this run's evaluation games or was counted before. */
  public boolean add(ScoredTrajectory game) {
    Optional<EvalTags> tags = EvalTags.of(game.getTags(), runId);
    if (tags.isEmpty() || !counted.add(game.getGameId())) {
      return false;
    }
    EvalArm arm = tags.get().arm();
    int version = tags.get().evaluatedVersion();
    ArmTally tally = byVersion.computeIfAbsent(version, v -> new EnumMap<>(EvalArm.class))
        .computeIfAbsent(arm, a -> new ArmTally());
    tally.games++;
    if (arm.needsReferee()) {
      refereeByVersion.put(version, tags.get().refereeVersion());
    }
    if (arm.isWinRateArm()) {
      tally.won = tally.won.plus(arm.evaluatedWon(game.getOutcome().getWinner()));
    } else {
      long correct = 0;
      long abstained = 0;
      for (ScoredDecision decision : game.getDecisions()) {
        correct += decision.getCorrect() ? 1 : 0;
        abstained += decision.getDecision().getVoteKind() == VoteKind.ABSTAIN ? 1 : 0;
      }
      int votes = game.getDecisions().size();
      tally.correct = tally.correct.plusGame(correct, votes);
      tally.abstained = tally.abstained.plusGame(abstained, votes);
      if (votes > 0) {
        tally.correctPerGame = tally.correctPerGame.plus(correct / (double) votes);
        tally.decisionPairs.add(game.getPairId());
      }
    }
    if (arm.evaluatedPlaysSpy()) {
      for (ScoredClue clue : game.getClues()) {
        if (clue.getRole() == Role.SPY) {
          tally.spyEchoes = tally.spyEchoes.plus(ClueRepeats.repeatsLatestOtherSeat(clue, game.getClues()));
        }
      }
    }
    if (arm.evaluatedPlaysCivilians()) {
      Optional<SceneFacts> facts = scenes.apply(game.getPairId());
      if (facts.isPresent()) {
        for (ScoredClue clue : game.getClues()) {
          if (clue.getRole() == Role.CIVILIAN) {
            tally.fidelity = tally.fidelity.plus(ClueFidelity.ofCivilianClue(clue.getText(), facts.get()));
          }
        }
      }
    }
    return true;
  }

  /** Games counted so far. */
  public long games() {
    return counted.size();
  }

  /** Games counted for one version and arm. */
  public long games(int version, EvalArm arm) {
    ArmTally tally = byVersion.getOrDefault(version, Map.of()).get(arm);
    return tally == null ? 0 : tally.games;
  }

  /** Figures of every version evaluated so far, in version order. */
  public List<VersionResult> results() {
    List<VersionResult> results = new ArrayList<>();
    byVersion.forEach((version, arms) -> results.add(result(version, arms)));
    return results;
  }

  public Optional<VersionResult> result(int version) {
    Map<EvalArm, ArmTally> arms = byVersion.get(version);
    return arms == null ? Optional.empty() : Optional.of(result(version, arms));
  }

  private VersionResult result(int version, Map<EvalArm, ArmTally> arms) {
    ArmTally none = new ArmTally();
    ArmTally decision = arms.getOrDefault(EvalArm.DECISION, none);
    ArmTally noImage = arms.getOrDefault(EvalArm.NO_IMAGE, none);
    Proportion paperWins = arms.getOrDefault(EvalArm.PAPER_AS_SPY, none).won
        .plus(arms.getOrDefault(EvalArm.PAPER_AS_CIVILIANS, none).won);
    Mean fidelity = arms.getOrDefault(EvalArm.CLUE_AS_CIVILIANS, none).fidelity
        .plus(arms.getOrDefault(EvalArm.PAPER_AS_CIVILIANS, none).fidelity);
    Proportion spyEchoes = arms.getOrDefault(EvalArm.CLUE_AS_SPY, none).spyEchoes
        .plus(arms.getOrDefault(EvalArm.PAPER_AS_SPY, none).spyEchoes);
    long games = arms.values().stream().mapToLong(t -> t.games).sum();
    Proportion winsAsSpy = arms.getOrDefault(EvalArm.CLUE_AS_SPY, none).won;
    Proportion winsAsCivilians = arms.getOrDefault(EvalArm.CLUE_AS_CIVILIANS, none).won;
    return new VersionResult(version, decision.correct, noImage.correct, decision.abstained, winsAsSpy,
        winsAsCivilians, fidelity, paperWins, refereeByVersion.getOrDefault(version, EvalTags.NO_REFEREE), games, spyEchoes,
        decision.correctPerGame, noImage.correctPerGame, decision.decisionPairs.size(), noImage.decisionPairs.size());
  }
}
