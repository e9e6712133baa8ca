package org.visionzero.streams.coordinator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.visionzero.events.GameEvent;
import org.visionzero.events.Purpose;
import org.visionzero.game.fold.AnswerRule;
import org.visionzero.game.fold.GameState;

/** Micrometer meters of the coordinator; names are lowercase and dot-separated, tags from small fixed sets. */
public final class CoordinatorMetrics {
  public static final String GAMES_STARTED = "vz.coordinator.games.started";
  public static final String GAMES_COMPLETED = "vz.coordinator.games.completed";
  public static final String GAMES_ABORTED = "vz.coordinator.games.aborted";
  public static final String TURNS_RETRIED = "vz.coordinator.turns.retried";
  public static final String RECORDS_IGNORED = "vz.coordinator.records.ignored";
  public static final String DEAD_LETTERS = "vz.coordinator.dead.letters";
  public static final String GAMES_IN_FLIGHT = "vz.coordinator.games.in.flight";
  public static final String GAMES_WAITING = "vz.coordinator.games.waiting";
  public static final String REASON_TAG = "reason";
  public static final String PURPOSE_TAG = "purpose";

  /** Why a record was ignored (the values of the {@value #REASON_TAG} tag). */
  public enum IgnoredReason {
    /** The same answer, pair or request again. */
    DUPLICATE,
    /** An answer to an attempt that was never requested. */
    UNREQUESTED,
    /** An answer from a seat (or with a round or sample count) the turn does not expect. */
    WRONG_SEAT,
    /** An answer for a game that is over, or that this coordinator never started. */
    NOT_RUNNING,
    /** An answer for a turn that is not due (not yet opened, or not a turn of the game). */
    NOT_DUE;

    String tag() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final MeterRegistry registry;
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicLong waiting = new AtomicLong();

  public CoordinatorMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    // A coordinator restarted in the same JVM must report its own counts, not the stopped instance's.
    registry.find(GAMES_IN_FLIGHT).gauges().forEach(registry::remove);
    registry.find(GAMES_WAITING).gauges().forEach(registry::remove);
    // Strong references: Micrometer holds a gauge's object weakly, so once nothing else kept this instance a
    // collection turned both gauges into NaN (CoordinatorMetricsTest saw it).
    Gauge.builder(GAMES_IN_FLIGHT, inFlight, AtomicLong::get).strongReference(true)
        .description("Games started and not yet completed or aborted").register(registry);
    Gauge.builder(GAMES_WAITING, waiting, AtomicLong::get).strongReference(true)
        .description("Pairs and requests waiting for a free game slot").register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  void gameStarted(Purpose purpose) {
    Counter.builder(GAMES_STARTED).tag(PURPOSE_TAG, purpose.name().toLowerCase(Locale.ROOT))
        .register(registry).increment();
  }

  void gameCompleted() {
    registry.counter(GAMES_COMPLETED).increment();
  }

  void gameAborted() {
    registry.counter(GAMES_ABORTED).increment();
  }

  void turnRetried() {
    registry.counter(TURNS_RETRIED).increment();
  }

  void ignored(IgnoredReason reason) {
    registry.counter(RECORDS_IGNORED, REASON_TAG, reason.tag()).increment();
  }

  void deadLettered() {
    registry.counter(DEAD_LETTERS).increment();
  }

  void admission(long gamesInFlight, long gamesWaiting) {
    inFlight.set(gamesInFlight);
    waiting.set(gamesWaiting);
  }

  /** Why the decider ignored an answer: the category of {@link AnswerRule}'s rejection. */
  static IgnoredReason classify(GameState state, GameEvent answer) {
    return AnswerRule.rejection(state, answer).map(rejection -> switch (rejection.kind()) {
      case DUPLICATE -> IgnoredReason.DUPLICATE;
      case UNREQUESTED -> IgnoredReason.UNREQUESTED;
      case WRONG_SLOT -> IgnoredReason.WRONG_SEAT;
      case NOT_RUNNING -> IgnoredReason.NOT_RUNNING;
      case NOT_DUE, NOT_AN_ANSWER -> IgnoredReason.NOT_DUE;
    }).orElseThrow(() -> new IllegalArgumentException("answer " + answer.getEventId() + " counts: nothing to classify"));
  }
}
