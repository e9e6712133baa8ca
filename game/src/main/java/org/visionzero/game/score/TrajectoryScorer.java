package org.visionzero.game.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameStarted;
import org.visionzero.events.Outcome;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.fold.EventIds;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.reward.ClueRewards;
import org.visionzero.game.reward.DecisionRewards;
import org.visionzero.game.reward.GroupNormalization;
import org.visionzero.game.rules.SeatAssignment;

/**
 * Scores a completed game: raw zero-sum clue rewards per seat (the same for both of a seat's clues), and per
 * decision sample its reward and group-normalised advantage over all the game's decision samples. RAE is
 * left to the trainer. Deterministic: the trajectory is dated by the GameCompleted event, so re-scoring a log
 * gives identical records.
 */
public final class TrajectoryScorer {
  private final GameConfig fixedConfig;

  private TrajectoryScorer(GameConfig fixedConfig) {
    this.fixedConfig = fixedConfig;
  }

  /** Scores every game with the reward constants of its own recorded mode ('code' or 'paper' defaults). */
  public static TrajectoryScorer byGameMode() {
    return new TrajectoryScorer(null);
  }

  /** Scores every game with the reward constants (β, λ, decision shape) of one configuration. */
  public static TrajectoryScorer withConfig(GameConfig config) {
    return new TrajectoryScorer(Objects.requireNonNull(config, "config"));
  }

  /** The reward constants this scorer applies to a game of the given mode (its wire name). */
  public GameConfig rulesFor(String mode) {
    return fixedConfig != null ? fixedConfig : GameConfig.forMode(GameConfig.Mode.fromWireName(mode));
  }

  /**
   * The scored trajectory of a completed game, checked: if the outcome the game recorded at its completion
   * is not the tally of the decision answers the fold accepted, the log contradicts itself and the game is
   * refused with an {@link InconsistentTrajectoryException} rather than trained on.
   */
  public ScoredTrajectory score(GameState state) {
    Objects.requireNonNull(state, "state");
    if (state.status() != GameState.Status.COMPLETED) {
      throw new IllegalArgumentException("only a completed game can be scored; game '" + state.gameId()
          + "' is " + state.status());
    }
    GameStarted started = state.started();
    GameConfig config = rulesFor(started.getMode());
    int numPlayers = started.getNumPlayers();
    int spySeat = started.getSpySeat();
    Outcome outcome = state.outcome();
    double[] clueRewards = ClueRewards.compute(outcome.getVotesPerSeat(), spySeat, config.clueBeta(),
        config.clueLambda());

    List<ScoredClue> clues = new ArrayList<>();
    for (ClueGiven clue : state.clues()) {
      clues.add(new ScoredClue(clue.getSeat(), clue.getRound(), SeatAssignment.roleOf(clue.getSeat(), spySeat),
          clue.getText(), clue.getSample(), clue.getPolicy(), clueRewards[clue.getSeat() - 1]));
    }

    List<DecisionSample> samples = new ArrayList<>();
    List<DecisionSampled> answerOfSample = new ArrayList<>();
    for (DecisionSampled answer : state.decisions()) {
      for (DecisionSample sample : answer.getSamples()) {
        samples.add(sample);
        answerOfSample.add(answer);
      }
    }
    double[] rewards = new double[samples.size()];
    for (int i = 0; i < rewards.length; i++) {
      rewards[i] = DecisionRewards.reward(config.decisionRewardShape(), samples.get(i), spySeat, numPlayers);
    }
    double[] advantages = GroupNormalization.advantages(rewards);
    List<ScoredDecision> decisions = new ArrayList<>();
    for (int i = 0; i < rewards.length; i++) {
      decisions.add(new ScoredDecision(samples.get(i), answerOfSample.get(i).getPolicy(),
          DecisionRewards.isCorrect(samples.get(i), spySeat, numPlayers), rewards[i], advantages[i]));
    }

    List<Double> clueRewardList = new ArrayList<>();
    for (double reward : clueRewards) {
      clueRewardList.add(reward);
    }
    ScoredTrajectory trajectory = ScoredTrajectory.newBuilder()
        .setEventId(EventIds.scored(state.gameId()))
        .setOccurredAt(state.completion().getOccurredAt())
        .setGameId(state.gameId())
        .setPairId(started.getPairId())
        .setPurpose(started.getPurpose())
        .setMode(started.getMode())
        .setNumPlayers(numPlayers)
        .setSpySeat(spySeat)
        .setCivilianPolicy(started.getCivilianPolicy())
        .setSpyPolicy(started.getSpyPolicy())
        .setDecisionPolicy(started.getDecisionPolicy())
        .setClueRewards(clueRewardList)
        .setClues(clues)
        .setDecisions(decisions)
        .setOutcome(outcome)
        .setBlankDecisionImage(started.getDecisionImage() == null)
        .setTags(started.getTags())
        .build();
    return TrajectoryConsistency.of(this).requireConsistent(trajectory);
  }
}
