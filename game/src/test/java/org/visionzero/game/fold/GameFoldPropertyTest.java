package org.visionzero.game.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visionzero.game.testing.Games.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameEvent;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRetried;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.rules.TurnSlot;
import org.visionzero.game.score.TrajectoryScorer;
import org.visionzero.game.testing.Games;

/**
 * Randomised with fixed seeds: the fold is deterministic, indifferent to duplicate, late and early answers, and
 * accepts the same answers in the coordinator's order as in log order (the scorer's).
 */
class GameFoldPropertyTest {
  private static final int GAMES = 1_500;
  private static final double TIMEOUT_CHANCE = 0.15;

  @Test
  void shouldFoldEveryLogToTheSameStateAndRoundTripIt() {
    Random random = new Random(1234L);
    for (int game = 0; game < GAMES; game++) {
      GameDecider decider = deciderFor(game);
      FoldSimulation.Played played = FoldSimulation.play(decider, "g-" + game, random.nextLong(), random,
          T0, TIMEOUT_CHANCE);

      GameState refolded = GameEvolver.fold(played.log());
      assertThat(refolded).as("game %d", game).isEqualTo(played.state());
      assertThat(GameEvolver.fold(played.log())).isEqualTo(refolded);
      assertThat(played.state().isFinished()).as("game %d ends", game).isTrue();
      if (game % 10 == 0) {
        assertThat(GameStateCodec.fromBytes(GameStateCodec.toBytes(refolded))).isEqualTo(refolded);
      }
    }
  }

  @Test
  void shouldIgnoreAnyPermutationOfDuplicateStaleAndEarlyAnswers() {
    Random random = new Random(98765L);
    int[] inserted = new int[3];
    for (int game = 0; game < GAMES; game++) {
      GameDecider decider = deciderFor(game);
      FoldSimulation.Played played = FoldSimulation.play(decider, "g-" + game, random.nextLong(), random,
          T0, TIMEOUT_CHANCE);
      List<GameEvent> noisy = addNoise(played, random, 1 + random.nextInt(12), inserted);

      assertThat(GameEvolver.fold(noisy)).as("evolve, game %d", game).isEqualTo(played.state());
      assertThat(throughDecider(decider, noisy)).as("decide, game %d", game).isEqualTo(played.state());
    }
    // every kind of noise really occurred: duplicates, stale attempts, answers before their turn
    assertThat(java.util.Arrays.stream(inserted).min().getAsInt()).isGreaterThan(GAMES / 10);
  }

  /**
   * The coordinator folds its own retries at once, but they reach the log behind answers that were already
   * there and that it had not read yet (after a restart, many). The scorer folds the log in order. Both must
   * accept the same answers, so that a trajectory is computed from the answers the game used.
   */
  @Test
  void shouldAcceptTheSameAnswersInTheCoordinatorsOrderAsInLogOrder() {
    Random random = new Random(4242L);
    int retriedBehindItsAnswer = 0;
    int completed = 0;
    for (int game = 0; game < GAMES; game++) {
      GameDecider decider = deciderFor(game);
      Interleaving run = Interleaving.play(decider, "g-" + game, random);
      retriedBehindItsAnswer += run.retriedBehindItsAnswer();

      GameState scorer = GameEvolver.fold(run.log());

      assertThat(scorer.status()).as("game %d", game).isEqualTo(run.coordinator().status());
      if (scorer.status() == GameState.Status.COMPLETED) {
        completed++;
        assertThat(scorer.clues()).as("clues, game %d", game).isEqualTo(run.coordinator().clues());
        assertThat(scorer.decisions()).as("decisions, game %d", game).isEqualTo(run.coordinator().decisions());
        // the completion's outcome is the tally of the very decisions the log fold accepted
        assertThat(TrajectoryScorer.byGameMode().score(scorer).getOutcome()).isEqualTo(run.coordinator().outcome());
      }
    }
    // the interleaving that broke the old "stale attempt" rule really occurred, and most games completed
    assertThat(retriedBehindItsAnswer).isGreaterThan(GAMES / 10);
    assertThat(completed).isGreaterThan(GAMES / 2);
  }

  private static GameDecider deciderFor(int game) {
    return new GameDecider(game % 2 == 0 ? GameConfig.code() : GameConfig.paper());
  }

  /** Answers go through decide (as the coordinator does); the coordinator's own events are folded as logged. */
  private static GameState throughDecider(GameDecider decider, List<GameEvent> log) {
    GameState state = GameState.empty();
    for (GameEvent event : log) {
      Object payload = event.getPayload();
      state = payload instanceof ClueGiven || payload instanceof DecisionSampled
          ? decider.decide(state, GameCommand.recordAnswer(event)).applyTo(state)
          : GameEvolver.evolve(state, event);
    }
    return state;
  }

  private static List<GameEvent> addNoise(FoldSimulation.Played played, Random random, int count, int[] inserted) {
    List<GameEvent> noisy = new ArrayList<>(played.log());
    GameState state = played.state();
    String gameId = state.gameId();
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(3);
      if (kind == 0 && !played.answers().isEmpty()) {
        // a duplicate (same id, maybe another worker's content) anywhere after the original
        GameEvent original = played.answers().get(random.nextInt(played.answers().size()));
        GameEvent copy = GameEvent.newBuilder(original).build();
        if (copy.getPayload() instanceof ClueGiven clue && random.nextBoolean()) {
          copy.setPayload(ClueGiven.newBuilder(clue).setText("another worker's clue").build());
        }
        insertAfter(noisy, noisy.indexOf(original), copy, random);
        inserted[0]++;
      } else if (kind == 1) {
        // a late answer to an attempt that was retried, after the turn's accepted answer
        List<GameEvent> retries = noisy.stream().filter(e -> e.getPayload() instanceof TurnRetried).toList();
        if (!retries.isEmpty()) {
          GameEvent retry = retries.get(random.nextInt(retries.size()));
          TurnRetried retried = (TurnRetried) retry.getPayload();
          int accepted = indexOfAcceptedAnswer(noisy, retried.getTurn());
          if (accepted >= 0) {
            GameEvent late = answerFor(state.plan().slot(retried.getTurn()), gameId, retried.getAttempt() - 1,
                random, retry);
            insertAfter(noisy, Math.max(accepted, noisy.indexOf(retry)), late, random);
            inserted[1]++;
          }
        }
      } else {
        // an answer for a clue turn before the previous clue opened it
        int clues = state.clues().size();
        if (clues >= 2) {
          ClueGiven previous = state.clues().get(random.nextInt(clues - 1));
          int previousIndex = indexOfAnswer(noisy, previous);
          GameEvent early = answerFor(state.plan().slot(previous.getTurn() + 1), gameId, 1, random, noisy.get(0));
          noisy.add(1 + random.nextInt(previousIndex), early);
          inserted[2]++;
        }
      }
    }
    return noisy;
  }

  /** Where the log holds the accepted answer of a turn, or -1 if the game ended before it was answered. */
  private static int indexOfAcceptedAnswer(List<GameEvent> log, int turn) {
    GameState state = GameState.empty();
    for (int i = 0; i < log.size(); i++) {
      GameState after = GameEvolver.evolve(state, log.get(i));
      if (!after.equals(state) && turnOf(log.get(i)) == turn) {
        return i;
      }
      state = after;
    }
    return -1;
  }

  private static int turnOf(GameEvent event) {
    if (event.getPayload() instanceof ClueGiven clue) {
      return clue.getTurn();
    }
    return event.getPayload() instanceof DecisionSampled decision ? decision.getTurn() : -1;
  }

  private static int indexOfAnswer(List<GameEvent> log, ClueGiven clue) {
    for (int i = 0; i < log.size(); i++) {
      if (clue.equals(log.get(i).getPayload())) {
        return i;
      }
    }
    throw new AssertionError("accepted clue not in log: " + clue);
  }

  private static GameEvent answerFor(TurnSlot slot, String gameId, int attempt, Random random, GameEvent after) {
    if (slot.kind() == TurnKind.CLUE) {
      return Games.clue(gameId, slot.turn(), attempt, slot.seat(), slot.round(), after.getOccurredAt());
    }
    int[] seats = new int[slot.samples()];
    for (int i = 0; i < seats.length; i++) {
      seats[i] = 1 + random.nextInt(3);
    }
    return Games.decision(gameId, slot.turn(), attempt, slot.seat(), Games.votes(slot.seat(), seats),
        after.getOccurredAt());
  }

  private static void insertAfter(List<GameEvent> log, int index, GameEvent event, Random random) {
    log.add(index + 1 + random.nextInt(log.size() - index), event);
  }
}
