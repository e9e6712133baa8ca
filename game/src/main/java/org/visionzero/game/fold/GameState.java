package org.visionzero.game.fold;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.Outcome;
import org.visionzero.game.rules.TurnPlan;

/**
 * The state of one game: the events accepted so far, in order, and what follows from them. Immutable; two
 * states are equal when they accepted the same events in the same order, since everything else is derived.
 * Build it only by folding events with {@link GameEvolver} (start from {@link #empty()}).
 */
public final class GameState {

  /** Where a game stands. */
  public enum Status { NOT_STARTED, RUNNING, COMPLETED, ABORTED }

  private static final GameState EMPTY = new GameState(
      "", Status.NOT_STARTED, null, null, new TreeMap<>(), List.of(), List.of(), null, null, List.of());

  private final String gameId;
  private final Status status;
  private final GameStarted started;
  private final TurnPlan plan;
  private final SortedMap<Integer, PendingTurn> pending;
  private final List<ClueGiven> clues;
  private final List<DecisionSampled> decisions;
  private final GameEvent completion;
  private final GameAborted abort;
  private final List<GameEvent> events;

  GameState(String gameId, Status status, GameStarted started, TurnPlan plan,
      SortedMap<Integer, PendingTurn> pending, List<ClueGiven> clues, List<DecisionSampled> decisions,
      GameEvent completion, GameAborted abort, List<GameEvent> events) {
    this.gameId = Objects.requireNonNull(gameId, "gameId");
    this.status = status;
    this.started = started;
    this.plan = plan;
    this.pending = Collections.unmodifiableSortedMap(new TreeMap<>(pending));
    this.clues = List.copyOf(clues);
    this.decisions = List.copyOf(decisions);
    this.completion = completion;
    this.abort = abort;
    this.events = List.copyOf(events);
  }

  /** The state before any event. */
  public static GameState empty() {
    return EMPTY;
  }

  /** The game id; "" before the game started. */
  public String gameId() {
    return gameId;
  }

  public Status status() {
    return status;
  }

  public boolean isStarted() {
    return status != Status.NOT_STARTED;
  }

  public boolean isRunning() {
    return status == Status.RUNNING;
  }

  /** Whether the game is over (completed or aborted). */
  public boolean isFinished() {
    return status == Status.COMPLETED || status == Status.ABORTED;
  }

  /** The start of the game. */
  public GameStarted started() {
    requireStarted();
    return started;
  }

  /** The turn order of the game. */
  public TurnPlan plan() {
    requireStarted();
    return plan;
  }

  /** Turns due now, by turn index. */
  public SortedMap<Integer, PendingTurn> pending() {
    return pending;
  }

  /** Accepted clues, in turn order. */
  public List<ClueGiven> clues() {
    return clues;
  }

  /** Accepted decision answers, in the order they were accepted. */
  public List<DecisionSampled> decisions() {
    return decisions;
  }

  /** Every accepted decision sample, answer by answer, sample by sample. */
  public List<DecisionSample> decisionSamples() {
    List<DecisionSample> samples = new ArrayList<>();
    decisions.forEach(answer -> samples.addAll(answer.getSamples()));
    return samples;
  }

  /** True while running once every turn of the plan is answered: only the completion is missing. */
  public boolean allTurnsAnswered() {
    return isRunning() && clues.size() + decisions.size() == plan.size();
  }

  /** Whether a turn has an accepted answer. */
  public boolean isAnswered(int turn) {
    return clues.stream().anyMatch(c -> c.getTurn() == turn)
        || decisions.stream().anyMatch(d -> d.getTurn() == turn);
  }

  /** The GameCompleted envelope (its time dates the scored trajectory). */
  public GameEvent completion() {
    if (completion == null) {
      throw new IllegalStateException("game " + gameId + " is " + status + ", not COMPLETED");
    }
    return completion;
  }

  /** The outcome of a completed game. */
  public Outcome outcome() {
    return ((GameCompleted) completion().getPayload()).getOutcome();
  }

  /** Why an aborted game was given up. */
  public GameAborted abort() {
    if (abort == null) {
      throw new IllegalStateException("game " + gameId + " is " + status + ", not ABORTED");
    }
    return abort;
  }

  /** The accepted events in fold order: folding them from {@link #empty()} rebuilds this state. */
  public List<GameEvent> events() {
    return events;
  }

  private void requireStarted() {
    if (started == null) {
      throw new IllegalStateException("the game has not started yet");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GameState that && events.equals(that.events);
  }

  @Override
  public int hashCode() {
    return events.hashCode();
  }

  @Override
  public String toString() {
    return "GameState[" + gameId + ", " + status + ", " + events.size() + " events, pending " + pending.keySet() + "]";
  }

  /** A mutable copy for the evolver, which changes one thing and freezes it again. */
  Draft draft() {
    return new Draft(this);
  }

  /** Mutable working copy of a state; only {@link GameEvolver} uses it. */
  static final class Draft {
    String gameId;
    Status status;
    GameStarted started;
    TurnPlan plan;
    final SortedMap<Integer, PendingTurn> pending;
    final List<ClueGiven> clues;
    final List<DecisionSampled> decisions;
    GameEvent completion;
    GameAborted abort;
    final List<GameEvent> events;

    private Draft(GameState s) {
      gameId = s.gameId;
      status = s.status;
      started = s.started;
      plan = s.plan;
      pending = new TreeMap<>(s.pending);
      clues = new ArrayList<>(s.clues);
      decisions = new ArrayList<>(s.decisions);
      completion = s.completion;
      abort = s.abort;
      events = new ArrayList<>(s.events);
    }

    GameState freeze() {
      return new GameState(gameId, status, started, plan, pending, clues, decisions, completion, abort, events);
    }
  }
}
