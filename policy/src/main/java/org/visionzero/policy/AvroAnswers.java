package org.visionzero.policy;

import java.util.ArrayList;
import java.util.List;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.SampledTokens;
import org.visionzero.events.TurnKind;
import org.visionzero.game.view.TurnView;

/** Maps policy answers to the Avro payloads a worker writes to {@code vz.game-events}. */
public final class AvroAnswers {
  private AvroAnswers() {}

  /** The {@code ClueGiven} payload for a clue turn. */
  public static ClueGiven toClueGiven(TurnView view, ClueAnswer answer, String workerId) {
    requireKind(view, TurnKind.CLUE);
    return ClueGiven.newBuilder()
        .setTurn(view.turn())
        .setAttempt(view.attempt())
        .setSeat(view.seat())
        .setRound(view.round())
        .setText(answer.text())
        .setRawOutput(answer.text())
        .setReasoning("")
        .setSample(sampled(answer.tokenIds(), answer.logProbs()))
        .setPolicy(answer.policy())
        .setWorkerId(workerId)
        .build();
  }

  /** The {@code DecisionSampled} payload for a decision turn: one {@code DecisionSample} per vote. */
  public static DecisionSampled toDecisionSampled(TurnView view, DecisionAnswer answer, String workerId) {
    requireKind(view, TurnKind.DECISION);
    return DecisionSampled.newBuilder()
        .setTurn(view.turn())
        .setAttempt(view.attempt())
        .setVoterSeat(view.seat())
        .setSamples(toDecisionSamples(view, answer))
        .setPolicy(answer.policy())
        .setWorkerId(workerId)
        .build();
  }

  /** The samples of a decision answer, numbered 0..G-1. */
  public static List<DecisionSample> toDecisionSamples(TurnView view, DecisionAnswer answer) {
    List<DecisionSample> out = new ArrayList<>();
    for (int i = 0; i < answer.samples().size(); i++) {
      Vote vote = answer.samples().get(i);
      out.add(DecisionSample.newBuilder()
          .setVoterSeat(view.seat())
          .setSampleIndex(i)
          .setVoteKind(vote.kind())
          .setVotedSeat(vote.seat())
          .setText(vote.text())
          .setReasoning("")
          .setFormatOk(true)
          .setSample(sampled(vote.tokenIds(), vote.logProbs()))
          .build());
    }
    return out;
  }

  private static SampledTokens sampled(List<Integer> tokenIds, float[] logProbs) {
    List<Float> lps = new ArrayList<>(logProbs.length);
    for (float lp : logProbs) {
      lps.add(lp);
    }
    return SampledTokens.newBuilder().setTokenIds(new ArrayList<>(tokenIds)).setLogProbs(lps).build();
  }

  private static void requireKind(TurnView view, TurnKind kind) {
    if (view.kind() != kind) {
      throw new IllegalArgumentException(
          "turn " + view.gameId() + "/" + view.turn() + " is a " + view.kind() + " turn, not " + kind);
    }
  }
}
