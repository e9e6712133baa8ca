package org.visionzero.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.Outcome;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.Role;
import org.visionzero.events.SampledTokens;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.VoteKind;
import org.visionzero.events.Winner;
import org.visionzero.trainer.batch.ConsumedTrajectory;

/** Scored games for tests: 4 players, 2 clue rounds, an observer with one decision sample per vote given. */
public final class TestTrajectories {
  public static final String POLICY = "vz";
  public static final int PLAYERS = 4;

  private TestTrajectories() {}

  /** A training game with the worked-example clue rewards of VISION-ZERO.md (spy seat 2). */
  public static ScoredTrajectory game(String gameId) {
    return game(gameId, Purpose.TRAINING, 0, 2, List.of(0.1111, -0.4333, 0.1111, 0.2111));
  }

  public static ScoredTrajectory game(String gameId, Purpose purpose, int version) {
    return game(gameId, purpose, version, 2, List.of(0.1111, -0.4333, 0.1111, 0.2111));
  }

  /**
   * A game whose observer voted {@code spySeat} twice, seat 1 once and N/A once (rewards 2.49, 2.49, −0.9, −0.3;
   * advantages given explicitly so tests can tell them apart).
   */
  public static ScoredTrajectory game(String gameId, Purpose purpose, int version, int spySeat,
      List<Double> clueRewards) {
    PolicyRef policy = new PolicyRef(POLICY, version);
    List<ScoredClue> clues = new ArrayList<>();
    for (int round = 1; round <= 2; round++) {
      for (int seat = 1; seat <= PLAYERS; seat++) {
        List<Integer> tokens = List.of(4 + seat, 10 + round, 2);
        clues.add(ScoredClue.newBuilder()
            .setSeat(seat)
            .setRound(round)
            .setRole(seat == spySeat ? Role.SPY : Role.CIVILIAN)
            .setText("clue " + seat + "/" + round)
            .setSample(tokens(tokens))
            .setPolicy(policy)
            .setReward(clueRewards.get(seat - 1))
            .build());
      }
    }
    List<ScoredDecision> decisions = List.of(
        decision(0, VoteKind.SEAT, spySeat, true, 2.49, 0.9, policy),
        decision(1, VoteKind.SEAT, spySeat, true, 2.49, 0.8, policy),
        decision(2, VoteKind.SEAT, spySeat == 1 ? 3 : 1, false, -0.9, -0.7, policy),
        decision(3, VoteKind.ABSTAIN, 0, false, -0.3, -1.0, policy));
    List<Integer> votes = new ArrayList<>(List.of(0, 0, 0, 0));
    votes.set(spySeat - 1, 2);
    votes.set(spySeat == 1 ? 2 : 0, 1);
    Outcome outcome = Outcome.newBuilder()
        .setSpySeat(spySeat)
        .setVotesPerSeat(votes)
        .setAbstentions(1)
        .setInvalidVotes(0)
        .setTotalVotes(4)
        .setWinner(Winner.CIVILIANS)
        .setDecisionAccuracy(0.5)
        .build();
    return ScoredTrajectory.newBuilder()
        .setEventId(gameId + "/scored")
        .setOccurredAt(java.time.Instant.ofEpochMilli(1_000))
        .setGameId(gameId)
        .setPairId("pair-" + gameId)
        .setPurpose(purpose)
        .setMode("code")
        .setNumPlayers(PLAYERS)
        .setSpySeat(spySeat)
        .setCivilianPolicy(policy)
        .setSpyPolicy(policy)
        .setDecisionPolicy(policy)
        .setClueRewards(clueRewards)
        .setClues(clues)
        .setDecisions(decisions)
        .setOutcome(outcome)
        .setTags(Map.of())
        .build();
  }

  /** The game with each of its spy's clues replaced by seat 1's clue of the same round: a spy that only repeated. */
  public static ScoredTrajectory spyRepeatsSeatOne(ScoredTrajectory game) {
    List<ScoredClue> clues = new ArrayList<>();
    for (ScoredClue clue : game.getClues()) {
      ScoredClue copy = ScoredClue.newBuilder(clue).build();
      if (clue.getSeat() == game.getSpySeat()) {
        copy.setText(game.getClues().stream().filter(c -> c.getSeat() == 1 && c.getRound() == clue.getRound())
            .findFirst().orElseThrow().getText());
      }
      clues.add(copy);
    }
    return ScoredTrajectory.newBuilder(game).setClues(clues).build();
  }

  public static ConsumedTrajectory record(int partition, long offset, ScoredTrajectory game) {
    return new ConsumedTrajectory(partition, offset, game);
  }

  private static ScoredDecision decision(int index, VoteKind kind, int seat, boolean correct, double reward,
      double advantage, PolicyRef policy) {
    DecisionSample sample = DecisionSample.newBuilder()
        .setVoterSeat(0)
        .setSampleIndex(index)
        .setVoteKind(kind)
        .setVotedSeat(seat)
        .setText(kind == VoteKind.ABSTAIN ? "N/A" : Integer.toString(seat))
        .setSample(tokens(List.of(seat)))
        .build();
    return ScoredDecision.newBuilder()
        .setDecision(sample)
        .setPolicy(policy)
        .setCorrect(correct)
        .setReward(reward)
        .setAdvantage(advantage)
        .build();
  }

  private static SampledTokens tokens(List<Integer> ids) {
    List<Float> logProbs = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      logProbs.add(-0.5f - i);
    }
    return SampledTokens.newBuilder().setTokenIds(ids).setLogProbs(logProbs).build();
  }
}
