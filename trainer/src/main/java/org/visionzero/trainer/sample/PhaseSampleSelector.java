package org.visionzero.trainer.sample;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.visionzero.events.Phase;
import org.visionzero.events.Role;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TurnKind;
import org.visionzero.game.outcome.DecisionGames;
import org.visionzero.game.reward.DecisionAdvantage;
import org.visionzero.game.reward.RaeAdvantages;

/**
 * Chooses the samples of the current Iterative-SPO phase: DECISION trains the decision samples with the advantages
 * of the chosen {@link DecisionAdvantage}; CLUE trains the clue samples with RAE advantages. Only the
 * phase's samples enter the loss (the authors' code also trained decision samples in clue steps: not here).
 * DECISION may leave out some games' decisions ({@link DecisionGames}): those of a spy that only repeated other seats'
 * clues, and those in which no vote named the spy.
 */
public final class PhaseSampleSelector {
  private PhaseSampleSelector() {}

  /** {@link #select(Phase, List, RaeAdvantages, DecisionAdvantage)} with centred decision advantages. */
  public static List<TrainingSample> select(Phase phase, List<ScoredTrajectory> batch, RaeAdvantages rae) {
    return select(phase, batch, rae, DecisionAdvantage.CENTERED);
  }

  /** {@link #select(Phase, List, RaeAdvantages, DecisionAdvantage, DecisionGames)} with every game's decisions. */
  public static List<TrainingSample> select(Phase phase, List<ScoredTrajectory> batch, RaeAdvantages rae,
      DecisionAdvantage decisionAdvantage) {
    return select(phase, batch, rae, decisionAdvantage, DecisionGames.all());
  }

  /**
   * The samples of {@code phase} from a batch, in game order, then seat/round or sample order.
   *
   * @param decisionGames in DECISION, the games whose decisions are trained
   */
  public static List<TrainingSample> select(Phase phase, List<ScoredTrajectory> batch, RaeAdvantages rae,
      DecisionAdvantage decisionAdvantage, DecisionGames decisionGames) {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(rae, "rae");
    Objects.requireNonNull(decisionAdvantage, "decisionAdvantage");
    Objects.requireNonNull(decisionGames, "decisionGames");
    List<TrainingSample> samples = new ArrayList<>();
    for (ScoredTrajectory game : batch) {
      if (phase == Phase.DECISION) {
        if (decisionGames.trains(game)) {
          addDecisions(game, decisionAdvantage, samples);
        }
      } else {
        addClues(game, rae, samples);
      }
    }
    return samples;
  }

  /** How many games of {@code batch} a DECISION step leaves out, for each reason. */
  public static Map<DecisionGames.Reason, Integer> leftOutGames(List<ScoredTrajectory> batch,
      DecisionGames decisionGames) {
    Map<DecisionGames.Reason, Integer> counts = new EnumMap<>(DecisionGames.Reason.class);
    for (ScoredTrajectory game : batch) {
      decisionGames.leftOutBecause(game).ifPresent(reason -> counts.merge(reason, 1, Integer::sum));
    }
    return counts;
  }

  private static void addDecisions(ScoredTrajectory game, DecisionAdvantage estimator, List<TrainingSample> out) {
    double[] advantages = estimator.of(game.getDecisions());
    for (int i = 0; i < advantages.length; i++) {
      ScoredDecision scored = game.getDecisions().get(i);
      var decision = scored.getDecision();
      Role role = decision.getVoterSeat() == 0 ? Role.OBSERVER : Role.CIVILIAN;
      out.add(new TrainingSample(TurnKind.DECISION, game, decision.getVoterSeat(), 0, decision.getSampleIndex(),
          role, decision.getSample().getTokenIds(), toArray(decision.getSample().getLogProbs()),
          advantages[i], scored.getPolicy()));
    }
  }

  private static void addClues(ScoredTrajectory game, RaeAdvantages rae, List<TrainingSample> out) {
    for (ScoredClue clue : game.getClues()) {
      double advantage = rae.advantage(game.getGameId(), clue.getSeat());
      out.add(new TrainingSample(TurnKind.CLUE, game, clue.getSeat(), clue.getRound(), 0, clue.getRole(),
          clue.getSample().getTokenIds(), toArray(clue.getSample().getLogProbs()), advantage, clue.getPolicy()));
    }
  }

  private static float[] toArray(List<Float> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
