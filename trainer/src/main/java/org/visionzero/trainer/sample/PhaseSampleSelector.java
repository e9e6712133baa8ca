package org.visionzero.trainer.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.visionzero.events.Phase;
import org.visionzero.events.Role;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TurnKind;
import org.visionzero.game.outcome.ClueRepeats;
import org.visionzero.game.reward.DecisionAdvantage;
import org.visionzero.game.reward.RaeAdvantages;

/**
 * Chooses the samples of the current Iterative-SPO phase: DECISION trains the decision samples with the advantages
 * of the chosen {@link DecisionAdvantage}; CLUE trains the clue samples with RAE advantages. Only the
 * phase's samples enter the loss (the authors' code also trained decision samples in clue steps: not here).
 * DECISION may leave out the games whose spy only repeated other seats' clues ({@link ClueRepeats#spyOnlyRepeated}):
 * no observer can find that spy from the images, so their votes are right or wrong by luck, and once the spy has
 * learnt to hide they would be most of the decision stage's data.
 */
public final class PhaseSampleSelector {
  private PhaseSampleSelector() {}

  /** {@link #select(Phase, List, RaeAdvantages, DecisionAdvantage)} with centred decision advantages. */
  public static List<TrainingSample> select(Phase phase, List<ScoredTrajectory> batch, RaeAdvantages rae) {
    return select(phase, batch, rae, DecisionAdvantage.CENTERED);
  }

  /** {@link #select(Phase, List, RaeAdvantages, DecisionAdvantage, boolean)} with every game's decisions. */
  public static List<TrainingSample> select(Phase phase, List<ScoredTrajectory> batch, RaeAdvantages rae,
      DecisionAdvantage decisionAdvantage) {
    return select(phase, batch, rae, decisionAdvantage, false);
  }

  /**
   * The samples of {@code phase} from a batch, in game order, then seat/round or sample order.
   *
   * @param skipRepeatingSpy in DECISION, leave out the games whose spy only repeated other seats' clues
   */
  public static List<TrainingSample> select(Phase phase, List<ScoredTrajectory> batch, RaeAdvantages rae,
      DecisionAdvantage decisionAdvantage, boolean skipRepeatingSpy) {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(rae, "rae");
    Objects.requireNonNull(decisionAdvantage, "decisionAdvantage");
    List<TrainingSample> samples = new ArrayList<>();
    for (ScoredTrajectory game : batch) {
      if (phase == Phase.DECISION) {
        if (!(skipRepeatingSpy && ClueRepeats.spyOnlyRepeated(game))) {
          addDecisions(game, decisionAdvantage, samples);
        }
      } else {
        addClues(game, rae, samples);
      }
    }
    return samples;
  }

  /** How many games of {@code batch} had a spy that only repeated other seats' clues. */
  public static int repeatingSpyGames(List<ScoredTrajectory> batch) {
    int count = 0;
    for (ScoredTrajectory game : batch) {
      count += ClueRepeats.spyOnlyRepeated(game) ? 1 : 0;
    }
    return count;
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
