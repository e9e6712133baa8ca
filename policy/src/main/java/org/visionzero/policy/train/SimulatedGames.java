package org.visionzero.policy.train;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.game.rules.SeatAssignment;
import org.visionzero.game.rules.Seeds;
import org.visionzero.game.rules.SpyHints;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.VisibleClue;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;

/**
 * In-process games in code mode (one spy who sees the modified image, every seat knows its role, clue rounds
 * in seat order, an observer who sees the original image): used to evaluate decision accuracy after
 * pretraining, in the learning test and in the benchmark. The spy seat, sampling seeds and spy hint are the game
 * module's ({@code SeatAssignment}, {@code Seeds}, {@code SpyHints}); the rest is a simplified stand-in for its
 * fold: no rewards, no retries, no events.
 */
public final class SimulatedGames {
  private static final PolicyRef CURRENT = new PolicyRef("vz", -1);

  private SimulatedGames() {}

  /** A played clue stage: the pair, the spy's seat and every clue in round-then-seat order. */
  public record Game(String gameId, long seed, CaptionExample pair, int numPlayers, int spySeat,
      List<VisibleClue> clues, List<ClueTurn> clueTurns) {

    /** The observer's decision turn: original image (or blank for the no-image control) and all clues. */
    public PolicyTurn observerTurn(int samples, float temperature, long samplingSeed, boolean blankImage) {
      TurnView view = new TurnView(gameId, clues.size(), 1, TurnKind.DECISION, 0, 0, Role.OBSERVER, numPlayers,
          null, SpyHints.SCENES, clues, List.of(), samples, temperature, samplingSeed, CURRENT);
      return new PolicyTurn(view, blankImage ? null : pair.original(), pair.facts());
    }
  }

  /** One clue as played: the turn the seat saw and the answer it gave. */
  public record ClueTurn(PolicyTurn turn, ClueAnswer answer) {}

  /**
   * Plays the clue stage of {@code games} games, seeds {@code firstSeed, firstSeed + 1, ...}, every seat played
   * by {@code cluePolicy} (batched across games, one seat at a time).
   */
  public static List<Game> playClues(Policy cluePolicy, CaptionExampleSource source, long firstSeed, int games,
      int numPlayers, int rounds, float temperature) {
    return play(cluePolicy, cluePolicy, false, source, firstSeed, games, numPlayers, rounds, temperature);
  }

  /**
   * {@link #playClues(Policy, CaptionExampleSource, long, int, int, int, float)} with the civilian seats played by
   * {@code civilians} and the spy seat by {@code spyPolicy} (e.g. a model under evaluation in one side, a checkpoint in
   * the other). The games, seeds and spy seats are the same whoever plays. Each side's turns are one call of its
   * policy even when both sides are the same policy, so that a model whose sampling depends on its batch (float
   * rounding) gives the same clues whether it plays one side or both.
   */
  public static List<Game> playClues(Policy civilians, Policy spyPolicy, CaptionExampleSource source,
      long firstSeed, int games, int numPlayers, int rounds, float temperature) {
    return play(civilians, spyPolicy, true, source, firstSeed, games, numPlayers, rounds, temperature);
  }

  private static List<Game> play(Policy civilians, Policy spyPolicy, boolean bySide, CaptionExampleSource source,
      long firstSeed, int games, int numPlayers, int rounds, float temperature) {
    List<CaptionExample> pairs = new ArrayList<>(games);
    int[] spySeats = new int[games];
    List<List<VisibleClue>> histories = new ArrayList<>(games);
    List<List<ClueTurn>> turns = new ArrayList<>(games);
    for (int g = 0; g < games; g++) {
      long seed = firstSeed + g;
      pairs.add(source.next(seed));
      spySeats[g] = SeatAssignment.spySeat(seed, numPlayers);
      histories.add(new ArrayList<>());
      turns.add(new ArrayList<>());
    }
    int turnIndex = 0;
    for (int round = 1; round <= rounds; round++) {
      for (int seat = 1; seat <= numPlayers; seat++) {
        List<PolicyTurn> batch = new ArrayList<>(games);
        for (int g = 0; g < games; g++) {
          boolean spy = seat == spySeats[g];
          long seed = firstSeed + g;
          TurnView view = new TurnView(gameId(seed), turnIndex, 1, TurnKind.CLUE, seat, round,
              SeatAssignment.roleOf(seat, spySeats[g]), numPlayers, null, SpyHints.SCENES, histories.get(g),
              List.of(), 1, temperature, Seeds.samplingSeed(seed, turnIndex, 1), CURRENT);
          CaptionExample pair = pairs.get(g);
          batch.add(new PolicyTurn(view, spy ? pair.modified() : pair.original(), pair.facts()));
        }
        List<ClueAnswer> answers = bySide ? bySide(civilians, spyPolicy, batch) : civilians.clues(batch);
        for (int g = 0; g < games; g++) {
          ClueAnswer a = answers.get(g);
          histories.get(g).add(new VisibleClue(seat, round, a.text(), a.tokenIds()));
          turns.get(g).add(new ClueTurn(batch.get(g), a));
        }
        turnIndex++;
      }
    }
    List<Game> out = new ArrayList<>(games);
    for (int g = 0; g < games; g++) {
      long seed = firstSeed + g;
      out.add(new Game(gameId(seed), seed, pairs.get(g), numPlayers, spySeats[g], List.copyOf(histories.get(g)),
          List.copyOf(turns.get(g))));
    }
    return out;
  }

  /** Each side's policy answers its side's turns in one call; the answers keep the batch's order. */
  private static List<ClueAnswer> bySide(Policy civilians, Policy spy, List<PolicyTurn> batch) {
    List<PolicyTurn> spyTurns = new ArrayList<>();
    List<PolicyTurn> civilianTurns = new ArrayList<>();
    for (PolicyTurn turn : batch) {
      (turn.view().role() == Role.SPY ? spyTurns : civilianTurns).add(turn);
    }
    Iterator<ClueAnswer> spyAnswers = (spyTurns.isEmpty() ? List.<ClueAnswer>of() : spy.clues(spyTurns)).iterator();
    Iterator<ClueAnswer> civilianAnswers =
        (civilianTurns.isEmpty() ? List.<ClueAnswer>of() : civilians.clues(civilianTurns)).iterator();
    List<ClueAnswer> answers = new ArrayList<>(batch.size());
    for (PolicyTurn turn : batch) {
      answers.add(turn.view().role() == Role.SPY ? spyAnswers.next() : civilianAnswers.next());
    }
    return answers;
  }

  /** Share of all observer votes (G per game) that name the spy, decided in batches of {@code batchSize} games. */
  public static double decisionAccuracy(Policy decisionPolicy, List<Game> games, int samples, float temperature,
      boolean blankImage, int batchSize) {
    long correct = 0;
    long total = 0;
    for (int from = 0; from < games.size(); from += batchSize) {
      List<Game> chunk = games.subList(from, Math.min(games.size(), from + batchSize));
      List<PolicyTurn> batch = new ArrayList<>(chunk.size());
      for (Game g : chunk) {
        batch.add(g.observerTurn(samples, temperature, Seeds.samplingSeed(g.seed(), g.clues().size(), 1), blankImage));
      }
      var answers = decisionPolicy.decisions(batch);
      for (int i = 0; i < chunk.size(); i++) {
        for (var vote : answers.get(i).samples()) {
          total++;
          if (vote.seat() == chunk.get(i).spySeat()) {
            correct++;
          }
        }
      }
    }
    return total == 0 ? 0 : (double) correct / total;
  }

  private static String gameId(long seed) {
    return "sim-" + seed;
  }
}
