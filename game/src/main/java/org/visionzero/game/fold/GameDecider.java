package org.visionzero.game.fold;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.TurnRequested;
import org.visionzero.events.TurnRetried;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.fold.GameCommand.CheckTimeouts;
import org.visionzero.game.fold.GameCommand.RecordClue;
import org.visionzero.game.fold.GameCommand.RecordDecision;
import org.visionzero.game.fold.GameCommand.StartGame;
import org.visionzero.game.outcome.Outcomes;
import org.visionzero.game.rules.SeatAssignment;

/**
 * {@code decide(state, command) → events}: the rules of one game as a pure function. The configuration gives
 * what the events do not record (turn timeout, sampling temperature); everything else comes from the state.
 */
public final class GameDecider {
  private final GameConfig config;

  public GameDecider(GameConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public GameConfig config() {
    return config;
  }

  /** The events a command produces in a state, and the turns to request. */
  public Decision decide(GameState state, GameCommand command) {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(command, "command");
    if (command instanceof StartGame start) {
      return start(state, start);
    }
    if (command instanceof RecordClue clue) {
      return record(state, clue.answer());
    }
    if (command instanceof RecordDecision decision) {
      return record(state, decision.answer());
    }
    CheckTimeouts check = (CheckTimeouts) command;
    return checkTimeouts(state, check.now(), check.liveSince());
  }

  private Decision start(GameState state, StartGame cmd) {
    if (state.isStarted()) {
      return Decision.ignored("game " + state.gameId() + " already started");
    }
    GameStarted started = GameStarted.newBuilder()
        .setPairId(cmd.pairId())
        .setPurpose(cmd.purpose())
        .setMode(config.mode().wireName())
        .setNumPlayers(config.numPlayers())
        .setSpySeat(SeatAssignment.spySeat(cmd.seed(), config.numPlayers()))
        .setClueRounds(config.clueRounds())
        .setDecisionMode(config.decisionMode())
        .setDecisionSamples(config.decisionSamples())
        .setMaxAttempts(config.maxAttempts())
        .setCivilianImage(cmd.original())
        .setSpyImage(config.blankSpyImage() ? null : cmd.modified())
        .setDecisionImage(cmd.blankDecisionImage() ? null : cmd.original())
        .setSpyHint(cmd.spyHint())
        .setCivilianPolicy(cmd.civilianPolicy())
        .setSpyPolicy(cmd.spyPolicy())
        .setDecisionPolicy(cmd.decisionPolicy())
        .setSeed(cmd.seed())
        .setRequestId(cmd.requestId())
        .setTags(cmd.tags())
        .build();
    GameEvent event = envelope(EventIds.started(cmd.gameId()), cmd.now(), cmd.gameId(), started);
    GameState after = GameEvolver.evolve(state, event);
    return Decision.of(List.of(event), TurnRequests.pending(after, config));
  }

  private Decision record(GameState state, GameEvent answer) {
    if (state.isStarted() && !state.gameId().equals(answer.getGameId())) {
      return Decision.ignored("answer " + answer.getEventId() + " is for game " + answer.getGameId());
    }
    Optional<AnswerRule.Rejection> rejection = AnswerRule.rejection(state, answer);
    if (rejection.isPresent()) {
      return Decision.ignored(rejection.get().reason());
    }
    GameState after = GameEvolver.evolve(state, answer);
    if (after.allTurnsAnswered()) {
      GameCompleted completed = new GameCompleted(
          Outcomes.of(after.started().getSpySeat(), after.started().getNumPlayers(), after.decisionSamples()));
      GameEvent completion = envelope(EventIds.completed(after.gameId()), answer.getOccurredAt(), after.gameId(),
          completed);
      return Decision.of(List.of(answer, completion), List.of());
    }
    List<TurnRequested> opened = TurnRequests.pending(after, config).stream()
        .filter(request -> !state.pending().containsKey(request.getTurn()))
        .toList();
    return Decision.of(List.of(answer), opened);
  }

  private Decision checkTimeouts(GameState state, Instant now, Instant liveSince) {
    if (!state.isRunning()) {
      return Decision.nothing();
    }
    List<PendingTurn> expired = state.pending().values().stream()
        .filter(due -> !now.isBefore(TurnRequests.deadline(due, config, liveSince)))
        .toList();
    Optional<PendingTurn> exhausted = expired.stream()
        .filter(due -> due.attempt() >= state.started().getMaxAttempts())
        .findFirst();
    if (exhausted.isPresent()) {
      PendingTurn due = exhausted.get();
      GameAborted aborted = new GameAborted(due.turn(), due.attempt(),
          "turn " + due.turn() + " unanswered after " + due.attempt() + " attempts");
      return Decision.of(List.of(envelope(EventIds.aborted(state.gameId()), now, state.gameId(), aborted)),
          List.of());
    }
    List<GameEvent> retries = new ArrayList<>();
    for (PendingTurn due : expired) {
      int next = due.attempt() + 1;
      TurnRetried retried = new TurnRetried(due.turn(), next,
          "timeout after " + config.turnTimeout().toMillis() + " ms");
      retries.add(envelope(EventIds.retry(state.gameId(), due.turn(), next), now, state.gameId(), retried));
    }
    GameState after = Decision.of(retries, List.of()).applyTo(state);
    List<TurnRequested> requests = expired.stream()
        .map(due -> TurnRequests.forTurn(after, due.turn(), config))
        .toList();
    return Decision.of(retries, requests);
  }

  private static GameEvent envelope(String eventId, Instant at, String gameId, Object payload) {
    // The log keeps milliseconds: truncate now, so a state read back from Kafka equals the one folded here.
    return GameEvent.newBuilder().setEventId(eventId).setOccurredAt(at.truncatedTo(ChronoUnit.MILLIS))
        .setGameId(gameId).setPayload(payload).build();
  }
}
