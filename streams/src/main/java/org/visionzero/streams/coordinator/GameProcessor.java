package org.visionzero.streams.coordinator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.TurnRequested;
import org.visionzero.events.TurnRetried;
import org.visionzero.game.fold.AnswerRule;
import org.visionzero.game.fold.Decision;
import org.visionzero.game.fold.GameCommand;
import org.visionzero.game.fold.GameDecider;
import org.visionzero.game.fold.GameEventCheck;
import org.visionzero.game.fold.GameEvolver;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.fold.ImpossibleAnswers;
import org.visionzero.game.fold.PendingTurn;
import org.visionzero.game.fold.TurnRequests;
import org.visionzero.streams.coordinator.CoordinatorMetrics.IgnoredReason;
import org.visionzero.streams.routing.Outbound;
import org.visionzero.streams.routing.RecordDecoding;
import org.visionzero.streams.state.GameStore;

/**
 * The per-game processor over {@code game-events} (partitioned by gameId): folds each game with the
 * {@code game} module's decide/evolve, requests the next turns, ends the game, and re-requests turns whose
 * deadline passed (wall-clock punctuator over the deadline index). Deadlines fire only once the task has
 * caught up with its input after a (re)start, and count from then ({@link InputCatchUp}): an answer waiting
 * in the backlog is folded, not retried.
 *
 * <p>Events this processor wrote (retries, completion, abort) come back on the same topic; they are already
 * in the state (same eventId) and are skipped. Worker answers that do not count because they repeat or come late
 * are ignored and counted; records that cannot be decoded, contradict their key, hold impossible values
 * ({@link GameEventCheck}) or could not answer any requested turn ({@link ImpossibleAnswers}) go to the dead
 * letters with the reason. The coordinator is the one reader of game events that dead-letters impossible
 * values; the scorer's fold skips what the coordinator refused.
 */
final class GameProcessor implements Processor<String, byte[], String, Outbound> {
  private final GameDecider decider;
  private final Duration punctuationInterval;
  private final CoordinatorMetrics metrics;
  private final Deserializer<GameEvent> events;

  private ProcessorContext<String, Outbound> context;
  private GameStore games;
  private KeyValueStore<String, Long> deadlines;
  private InputCatchUp catchUp;

  GameProcessor(GameDecider decider, Duration punctuationInterval, Deserializer<GameEvent> events,
      CoordinatorMetrics metrics) {
    this.decider = decider;
    this.punctuationInterval = punctuationInterval;
    this.events = events;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Outbound> context) {
    this.context = context;
    games = new GameStore(context.getStateStore(CoordinatorStores.GAMES));
    deadlines = context.getStateStore(CoordinatorStores.DEADLINES);
    // two punctuations without a record: a backlog would have delivered one in that time
    catchUp = new InputCatchUp(context.currentSystemTimeMs(), 2 * punctuationInterval.toMillis());
    context.schedule(punctuationInterval, PunctuationType.WALL_CLOCK_TIME, this::checkTimeouts);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    catchUp.onRecord(record.timestamp(), context.currentSystemTimeMs());
    RecordDecoding.decode(events, record, context, AdmissionProcessor.COMPONENT, this::deadLetter)
        .ifPresent(event -> {
          if (!event.getGameId().equals(record.key())) {
            deadLetter(RecordDecoding.deadLetter(record, context, AdmissionProcessor.COMPONENT,
                new IllegalArgumentException("record key '" + record.key() + "' is not the event's gameId '"
                    + event.getGameId() + "': game events must be keyed by their game")));
            return;
          }
          try {
            onEvent(GameEventCheck.validate(event));
          } catch (RuntimeException e) {
            if (!RecordDecoding.isAboutTheRecord(e)) {
              throw e;
            }
            deadLetter(RecordDecoding.deadLetter(record, context, AdmissionProcessor.COMPONENT, e));
          }
        });
  }

  private void onEvent(GameEvent event) {
    if (games.isFinished(event.getGameId())) {
      if (isAnswer(event)) {
        metrics.ignored(IgnoredReason.NOT_RUNNING);
      }
      return; // otherwise: the completion or abort this processor wrote, read back
    }
    GameState state = games.load(event.getGameId());
    if (contains(state, event)) {
      if (isAnswer(event)) {
        metrics.ignored(IgnoredReason.DUPLICATE); // the very same answer again
      }
      return; // otherwise: an event this processor wrote, read back
    }
    Object payload = event.getPayload();
    if (!state.isStarted() && !(payload instanceof GameStarted)) {
      throw ImpossibleAnswers.unknownGame(event); // events of a game follow its start in its partition
    }
    if (payload instanceof GameStarted) {
      onStarted(state, event);
    } else if (payload instanceof ClueGiven || payload instanceof DecisionSampled) {
      onAnswer(state, event);
    } else {
      onForeignEvent(state, event);
    }
  }

  private void onStarted(GameState state, GameEvent event) {
    if (state.isStarted()) {
      metrics.ignored(IgnoredReason.DUPLICATE);
      return;
    }
    GameState started = GameEvolver.evolve(state, event);
    save(started);
    TurnRequests.pending(started, decider.config()).forEach(this::forwardRequest);
  }

  private void onAnswer(GameState state, GameEvent answer) {
    Decision decision = decider.decide(state, GameCommand.recordAnswer(answer));
    if (decision.isIgnored()) {
      AnswerRule.Rejection rejection = AnswerRule.rejection(state, answer).orElseThrow(() ->
          new IllegalStateException("answer " + answer.getEventId() + " was ignored without a rejection"));
      Optional<InvalidRecordException> impossible = ImpossibleAnswers.of(state, answer, rejection);
      if (impossible.isPresent()) {
        throw impossible.get(); // dead-lettered by process() with the reason
      }
      metrics.ignored(CoordinatorMetrics.classify(state, answer));
      return;
    }
    apply(state, decision, answer.getEventId());
  }

  /** A retry, completion or abort this processor did not write (e.g. a replayed log): fold it if it applies. */
  private void onForeignEvent(GameState state, GameEvent event) {
    GameState next = GameEvolver.evolve(state, event);
    if (next.equals(state)) {
      metrics.ignored(IgnoredReason.NOT_DUE);
      return;
    }
    save(next);
    if (next.isFinished()) {
      release(next);
    }
  }

  /** Folds a decision, writes its new events and turn requests, and frees the slot of an ended game. */
  private void apply(GameState state, Decision decision, String alreadyLogged) {
    GameState next = decision.applyTo(state);
    save(next);
    for (GameEvent event : decision.events()) {
      if (!event.getEventId().equals(alreadyLogged)) {
        context.forward(new Record<>(event.getGameId(), Outbound.gameEvent(event), now()));
        count(event);
      }
    }
    decision.turnRequests().forEach(this::forwardRequest);
    if (!state.isFinished() && next.isFinished()) {
      release(next);
    }
  }

  private void checkTimeouts(long wallClockMs) {
    if (!catchUp.isLive(wallClockMs)) {
      return; // answers may still wait in the backlog
    }
    List<String> due = new ArrayList<>();
    try (KeyValueIterator<String, Long> all = deadlines.all()) {
      while (all.hasNext()) {
        KeyValue<String, Long> entry = all.next();
        if (entry.value <= wallClockMs) {
          due.add(entry.key);
        }
      }
    }
    GameCommand check = new GameCommand.CheckTimeouts(Instant.ofEpochMilli(wallClockMs), catchUp.liveSince());
    for (String gameId : due) {
      if (games.isFinished(gameId)) {
        deadlines.delete(gameId);
        continue;
      }
      GameState state = games.load(gameId);
      Decision decision = decider.decide(state, check);
      if (decision.events().isEmpty()) {
        updateDeadline(state); // e.g. a deadline indexed before the task caught up, or with an older timeout
      } else {
        apply(state, decision, "");
      }
    }
  }

  private void count(GameEvent event) {
    Object payload = event.getPayload();
    if (payload instanceof GameCompleted) {
      metrics.gameCompleted();
    } else if (payload instanceof GameAborted) {
      metrics.gameAborted();
    } else if (payload instanceof TurnRetried) {
      metrics.turnRetried();
    }
  }

  private void release(GameState ended) {
    context.forward(new Record<>(ended.gameId(), Outbound.release(ended.gameId()), now()));
  }

  private void forwardRequest(TurnRequested request) {
    context.forward(new Record<>(request.getGameId(), Outbound.turnRequest(request), now()));
  }

  private void save(GameState state) {
    games.save(state);
    updateDeadline(state);
  }

  private void updateDeadline(GameState state) {
    if (!state.isRunning() || state.pending().isEmpty()) {
      deadlines.delete(state.gameId());
      return;
    }
    long earliest = Long.MAX_VALUE;
    for (PendingTurn due : state.pending().values()) {
      earliest = Math.min(earliest, TurnRequests.deadline(due, decider.config(), catchUp.liveSinceOrEpoch())
          .toEpochMilli());
    }
    deadlines.put(state.gameId(), earliest);
  }

  private static boolean contains(GameState state, GameEvent event) {
    return state.events().stream().anyMatch(known -> known.getEventId().equals(event.getEventId()));
  }

  private static boolean isAnswer(GameEvent event) {
    return event.getPayload() instanceof ClueGiven || event.getPayload() instanceof DecisionSampled;
  }

  private void deadLetter(DeadLetter deadLetter) {
    metrics.deadLettered();
    String key = RecordDecoding.keyOf(deadLetter);
    context.forward(new Record<>(key, Outbound.deadLetter(deadLetter), now()));
  }

  private long now() {
    return context.currentSystemTimeMs();
  }
}
