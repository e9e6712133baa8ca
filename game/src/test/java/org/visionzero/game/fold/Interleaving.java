package org.visionzero.game.fold;

import static org.visionzero.game.testing.Games.T0;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameEvent;
import org.visionzero.events.TurnRequested;
import org.visionzero.events.TurnRetried;
import org.visionzero.game.testing.Games;

/**
 * One game played by a coordinator that lags behind its log: workers append answers to the log at once, the
 * coordinator reads them later (a backlog), and its clock may expire turns whose answers wait in that backlog,
 * as after a restart. Its own events go to the log when it writes them, behind the waiting answers.
 *
 * @param coordinator           the coordinator's state, folded in its own order
 * @param log                   the log, in the order a reader of the topic sees it
 * @param retriedBehindItsAnswer retries written while an answer to the same turn waited in the backlog
 */
record Interleaving(GameState coordinator, List<GameEvent> log, int retriedBehindItsAnswer) {
  private static final int MAX_STEPS = 20_000;
  private static final int MAX_TICK_MS = 4_000;

  static Interleaving play(GameDecider decider, String gameId, Random random) {
    Decision begin = decider.decide(GameState.empty(), Games.start(gameId, random.nextLong()));
    GameState coordinator = begin.applyTo(GameState.empty());
    List<GameEvent> log = new ArrayList<>(begin.events());
    List<TurnRequested> unanswered = new ArrayList<>(begin.turnRequests());
    Deque<GameEvent> backlog = new ArrayDeque<>();
    Instant now = T0;
    int retriedBehind = 0;
    for (int step = 0; step < MAX_STEPS && coordinator.isRunning(); step++) {
      now = now.plusMillis(1 + random.nextInt(MAX_TICK_MS));
      int action = random.nextInt(3);
      if (action == 0 && !unanswered.isEmpty()) {
        // a worker answers any request it holds, of any attempt
        GameEvent answer = Games.answer(unanswered.remove(random.nextInt(unanswered.size())), random, now);
        log.add(answer);
        backlog.add(answer);
      } else if (action == 1 && !backlog.isEmpty()) {
        GameEvent answer = backlog.poll();
        Decision decision = decider.decide(coordinator, GameCommand.recordAnswer(answer));
        decision.events().stream().filter(event -> event != answer).forEach(log::add);
        coordinator = decision.applyTo(coordinator);
        unanswered.addAll(decision.turnRequests());
      } else if (action == 2) {
        Decision decision = decider.decide(coordinator, new GameCommand.CheckTimeouts(now));
        for (GameEvent event : decision.events()) {
          if (event.getPayload() instanceof TurnRetried retried && waitsFor(backlog, retried.getTurn())) {
            retriedBehind++;
          }
        }
        log.addAll(decision.events());
        coordinator = decision.applyTo(coordinator);
        unanswered.addAll(decision.turnRequests());
      }
    }
    if (coordinator.isRunning()) {
      throw new AssertionError("game " + gameId + " did not end in " + MAX_STEPS + " steps");
    }
    return new Interleaving(coordinator, log, retriedBehind);
  }

  private static boolean waitsFor(Deque<GameEvent> backlog, int turn) {
    return backlog.stream().anyMatch(event -> event.getPayload() instanceof ClueGiven clue && clue.getTurn() == turn
        || event.getPayload() instanceof DecisionSampled decision && decision.getTurn() == turn);
  }
}
