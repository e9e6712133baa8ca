package org.visionzero.ops.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.visionzero.events.VoteKind;
import org.visionzero.game.rules.Seeds;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vote;
import org.visionzero.policy.train.CaptionExampleSource;
import org.visionzero.policy.train.SimulatedGames;

/**
 * {@code vz eval --policy-url}: a remote model in the decision seat (the observer) against a checkpoint in every
 * other seat, on fresh scenes, in this process: no topic is read or written, so a training run is untouched. The
 * checkpoint plays the clue stage; then the remote model and, as the reference, the checkpoint itself decide the
 * same games, with the picture and with a blank one (the no-image control). Figures per decider: decision accuracy
 * (share of votes on the spy), the no-image accuracy, the N/A rate and the invalid rate, with Wilson 95 % intervals,
 * and both accuracies with the game as the unit (the mean of each game's share, its interval over games: a game's
 * samples read the same clues, so they are not independent). The clue seats are {@link RemoteClueEvaluation}'s.
 */
public final class RemoteDecisionEvaluation {
  /** Observer samples per game (G) and the sampling temperature of the paper. */
  public static final int SAMPLES = 8;
  public static final float TEMPERATURE = 0.8f;
  /** The game shape of the code mode: four seats, two clue rounds. */
  static final int PLAYERS = 4;
  static final int ROUNDS = 2;
  private static final int BATCH = 32;

  /** One decider's figures. */
  public record Figures(Proportion accuracy, Proportion noImageAccuracy, Proportion naRate, Proportion invalidRate,
      Mean accuracyPerGame, Mean noImageAccuracyPerGame) {
    Map<String, Object> toJson() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("decisionAccuracy", accuracy.toJson());
      out.put("noImageAccuracy", noImageAccuracy.toJson());
      out.put("naRate", naRate.toJson());
      out.put("invalidRate", invalidRate.toJson());
      out.put("decisionAccuracyPerGame", accuracyPerGame.toJson());
      out.put("noImageAccuracyPerGame", noImageAccuracyPerGame.toJson());
      return out;
    }
  }

  /** The remote model's figures beside the checkpoint's on the same games. */
  public record Result(int games, String remote, String checkpoint, Figures remoteFigures, Figures checkpointFigures) {
    public String toJson() {
      ObjectNode root = new ObjectMapper().createObjectNode();
      root.put("games", games);
      root.put("seat", RemoteSeat.DECISION.wireName());
      root.put("samplesPerGame", SAMPLES);
      root.put("remote", remote);
      root.put("checkpoint", checkpoint);
      ObjectMapper json = new ObjectMapper();
      root.set("remoteDecider", json.valueToTree(remoteFigures.toJson()));
      root.set("checkpointDecider", json.valueToTree(checkpointFigures.toJson()));
      try {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("a result tree always serialises", e);
      }
    }
  }

  private RemoteDecisionEvaluation() {}

  public static Result run(Policy checkpoint, Policy remote, String remoteName, CaptionExampleSource scenes,
      long firstSeed, int games) {
    List<SimulatedGames.Game> played = SimulatedGames.playClues(checkpoint, scenes, firstSeed, games, PLAYERS, ROUNDS,
        TEMPERATURE);
    return new Result(games, remoteName, checkpoint.ref().getName() + "-v" + checkpoint.ref().getVersion(),
        figures(remote, played), figures(checkpoint, played));
  }

  private static Figures figures(Policy decider, List<SimulatedGames.Game> games) {
    Tally seeing = tally(decider, games, false);
    Tally blind = tally(decider, games, true);
    return new Figures(seeing.onSpy, blind.onSpy, seeing.abstained, seeing.invalid, seeing.onSpyPerGame,
        blind.onSpyPerGame);
  }

  private static final class Tally {
    Proportion onSpy = Proportion.EMPTY;
    Proportion abstained = Proportion.EMPTY;
    Proportion invalid = Proportion.EMPTY;
    Mean onSpyPerGame = Mean.EMPTY;
  }

  private static Tally tally(Policy decider, List<SimulatedGames.Game> games, boolean blank) {
    Tally tally = new Tally();
    for (int from = 0; from < games.size(); from += BATCH) {
      List<SimulatedGames.Game> chunk = games.subList(from, Math.min(games.size(), from + BATCH));
      List<PolicyTurn> turns = new ArrayList<>(chunk.size());
      for (SimulatedGames.Game game : chunk) {
        turns.add(observerTurn(game, blank));
      }
      List<DecisionAnswer> answers = decider.decisions(turns);
      for (int i = 0; i < chunk.size(); i++) {
        long correct = 0;
        List<Vote> votes = answers.get(i).samples();
        for (Vote vote : votes) {
          boolean onSpy = vote.kind() == VoteKind.SEAT && vote.seat() == chunk.get(i).spySeat();
          tally.onSpy = tally.onSpy.plus(onSpy);
          tally.abstained = tally.abstained.plus(vote.kind() == VoteKind.ABSTAIN);
          tally.invalid = tally.invalid.plus(vote.kind() == VoteKind.INVALID);
          correct += onSpy ? 1 : 0;
        }
        tally.onSpyPerGame = tally.onSpyPerGame.plus(correct / (double) votes.size());
      }
    }
    return tally;
  }

  /** The observer's turn of a game; its view names a picture exactly when one is given (a text prompt says so). */
  static PolicyTurn observerTurn(SimulatedGames.Game game, boolean blank) {
    return InlinePictures.named(game.observerTurn(SAMPLES, TEMPERATURE,
        Seeds.samplingSeed(game.seed(), game.clues().size(), 1), blank));
  }
}
