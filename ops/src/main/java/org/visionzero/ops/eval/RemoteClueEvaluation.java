package org.visionzero.ops.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.Outcome;
import org.visionzero.events.VoteKind;
import org.visionzero.events.Winner;
import org.visionzero.game.outcome.Outcomes;
import org.visionzero.game.view.VisibleClue;
import org.visionzero.policy.AvroAnswers;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.train.CaptionExampleSource;
import org.visionzero.policy.train.SimulatedGames;

/**
 * {@code vz eval --policy-url --seat spy|civilians}: the clue skill of a remote model, as the evaluator's clue-skill
 * arms measure it, in this process (no topic read or written). The remote model plays one side's clues (the spy, or
 * every civilian) and the checkpoint the other; a fixed referee (the checkpoint, unless another is given) plays the
 * observer's decision, and the rules ({@link Outcomes}) say who won. The same games (seeds, scenes, spy seats) are
 * played again with the checkpoint in the remote model's seat, so its figures stand beside the checkpoint's own.
 * Per side: the share of games its side won (one outcome per game, so the interval is over games), the referee's
 * decision accuracy (per sample and per game) and N/A rate on its games, and, for civilians, their clue fidelity.
 */
public final class RemoteClueEvaluation {
  private static final int BATCH = 32;

  /** One side's figures on its games. */
  public record SideFigures(Proportion wins, Proportion refereeAccuracy, Mean refereeAccuracyPerGame,
      Proportion refereeNaRate, Mean civilianClueFidelity) {
    Map<String, Object> toJson(boolean civilians) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("winRateFixedReferee", wins.toJson());
      out.put("refereeDecisionAccuracy", refereeAccuracy.toJson());
      out.put("refereeDecisionAccuracyPerGame", refereeAccuracyPerGame.toJson());
      out.put("refereeNaRate", refereeNaRate.toJson());
      if (civilians) {
        out.put("clueFidelity", civilianClueFidelity.toJson());
      }
      return out;
    }
  }

  /** The remote model's figures in its seat beside the checkpoint's in the same seat, on the same games. */
  public record Result(int games, RemoteSeat seat, String remote, String checkpoint, String referee,
      SideFigures remoteFigures, SideFigures checkpointFigures) {
    public String toJson() {
      ObjectMapper json = new ObjectMapper();
      ObjectNode root = json.createObjectNode();
      root.put("games", games);
      root.put("seat", seat.wireName());
      root.put("samplesPerGame", RemoteDecisionEvaluation.SAMPLES);
      root.put("remote", remote);
      root.put("checkpoint", checkpoint);
      root.put("referee", referee);
      boolean civilians = seat == RemoteSeat.CIVILIANS;
      root.set("remoteSeat", json.valueToTree(remoteFigures.toJson(civilians)));
      root.set("checkpointSeat", json.valueToTree(checkpointFigures.toJson(civilians)));
      try {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a result tree always serialises", e);
      }
    }
  }

  private RemoteClueEvaluation() {}

  /**
   * @param seat {@link RemoteSeat#SPY} or {@link RemoteSeat#CIVILIANS}
   */
  public static Result run(Policy checkpoint, Policy remote, String remoteName, Policy referee, RemoteSeat seat,
      CaptionExampleSource scenes, long firstSeed, int games) {
    if (seat == RemoteSeat.DECISION) {
      throw new IllegalArgumentException("the decision seat is RemoteDecisionEvaluation's");
    }
    Policy seeing = new InlinePictures(remote);
    Policy civilians = seat == RemoteSeat.CIVILIANS ? seeing : checkpoint;
    Policy spy = seat == RemoteSeat.SPY ? seeing : checkpoint;
    List<SimulatedGames.Game> withRemote = SimulatedGames.playClues(civilians, spy, scenes, firstSeed, games,
        RemoteDecisionEvaluation.PLAYERS, RemoteDecisionEvaluation.ROUNDS, RemoteDecisionEvaluation.TEMPERATURE);
    // Played side by side too, so the checkpoint's own side gives the same clues in both sets of games.
    List<SimulatedGames.Game> withCheckpoint = SimulatedGames.playClues(checkpoint, checkpoint, scenes, firstSeed,
        games, RemoteDecisionEvaluation.PLAYERS, RemoteDecisionEvaluation.ROUNDS, RemoteDecisionEvaluation.TEMPERATURE);
    Winner side = seat == RemoteSeat.SPY ? Winner.SPY : Winner.CIVILIANS;
    return new Result(games, seat, remoteName, nameOf(checkpoint), nameOf(referee),
        figures(referee, withRemote, side), figures(referee, withCheckpoint, side));
  }

  private static String nameOf(Policy policy) {
    return policy.ref().getName() + "-v" + policy.ref().getVersion();
  }

  private static SideFigures figures(Policy referee, List<SimulatedGames.Game> games, Winner side) {
    Proportion wins = Proportion.EMPTY;
    Proportion onSpy = Proportion.EMPTY;
    Proportion abstained = Proportion.EMPTY;
    Mean onSpyPerGame = Mean.EMPTY;
    Mean fidelity = Mean.EMPTY;
    for (int from = 0; from < games.size(); from += BATCH) {
      List<SimulatedGames.Game> chunk = games.subList(from, Math.min(games.size(), from + BATCH));
      List<PolicyTurn> turns = new ArrayList<>(chunk.size());
      for (SimulatedGames.Game game : chunk) {
        turns.add(RemoteDecisionEvaluation.observerTurn(game, false));
      }
      List<DecisionAnswer> answers = referee.decisions(turns);
      for (int i = 0; i < chunk.size(); i++) {
        SimulatedGames.Game game = chunk.get(i);
        List<DecisionSample> samples = AvroAnswers.toDecisionSamples(turns.get(i).view(), answers.get(i));
        Outcome outcome = Outcomes.of(game.spySeat(), game.numPlayers(), samples);
        wins = wins.plus(outcome.getWinner() == side);
        long correct = 0;
        for (DecisionSample sample : samples) {
          boolean right = sample.getVoteKind() == VoteKind.SEAT && sample.getVotedSeat() == game.spySeat();
          onSpy = onSpy.plus(right);
          abstained = abstained.plus(sample.getVoteKind() == VoteKind.ABSTAIN);
          correct += right ? 1 : 0;
        }
        onSpyPerGame = onSpyPerGame.plus(correct / (double) samples.size());
        for (VisibleClue clue : game.clues()) {
          if (clue.seat() != game.spySeat()) {
            fidelity = fidelity.plus(ClueFidelity.ofCivilianClue(clue.text(), game.pair().facts()));
          }
        }
      }
    }
    return new SideFigures(wins, onSpy, onSpyPerGame, abstained, fidelity);
  }
}
