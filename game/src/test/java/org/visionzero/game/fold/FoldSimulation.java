package org.visionzero.game.fold;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.visionzero.events.GameEvent;
import org.visionzero.events.TurnRequested;
import org.visionzero.game.testing.Games;

/** Plays whole games through the decider with simulated workers, optionally timing out some turns. */
final class FoldSimulation {

  /** The final state and every answer that was accepted, in order. */
  record Played(GameState state, List<GameEvent> answers, List<GameEvent> log) {}

  private FoldSimulation() {}

  static Played play(GameDecider decider, String gameId, long seed, Random random, Instant start) {
    return play(decider, gameId, seed, random, start, 0.0);
  }

  /** Plays to the end; each turn attempt times out with the given probability (which may abort the game). */
  static Played play(GameDecider decider, String gameId, long seed, Random random, Instant start,
      double timeoutChance) {
    Decision begin = decider.decide(GameState.empty(), Games.start(gameId, seed));
    GameState state = begin.applyTo(GameState.empty());
    List<GameEvent> log = new ArrayList<>(begin.events());
    List<GameEvent> answers = new ArrayList<>();
    Deque<TurnRequested> queue = new ArrayDeque<>(begin.turnRequests());
    Instant now = start;
    while (!queue.isEmpty() && state.isRunning()) {
      TurnRequested request = queue.poll();
      if (random.nextDouble() < timeoutChance) {
        now = request.getDeadlineAt();
        Decision timeout = decider.decide(state, new GameCommand.CheckTimeouts(now));
        state = timeout.applyTo(state);
        log.addAll(timeout.events());
        queue.removeIf(r -> timeout.turnRequests().stream().anyMatch(t -> t.getTurn() == r.getTurn()));
        queue.addAll(timeout.turnRequests());
        continue;
      }
      now = now.plusMillis(1 + random.nextInt(500));
      GameEvent answer = Games.answer(request, random, now);
      Decision decision = decider.decide(state, GameCommand.recordAnswer(answer));
      if (decision.isIgnored()) {
        continue;
      }
      answers.add(answer);
      log.addAll(decision.events());
      state = decision.applyTo(state);
      queue.addAll(decision.turnRequests());
    }
    return new Played(state, answers, log);
  }
}
