package org.visionzero.streams.routing;

import java.util.Objects;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.GameEvent;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TurnRequested;

/**
 * One record a processor wants written, and where: processors forward these, and {@link OutboundRoutes}
 * sends each to its topic with that topic's serdes. Keeps every sink typed while a processor has one output.
 *
 * @param route where the record goes
 * @param value the record (its class matches the route)
 */
public record Outbound(Route route, Object value) {

  /** Destinations of processor output. */
  public enum Route {
    GAME_EVENT, TURN_REQUEST, TRAJECTORY, DEAD_LETTER,
    /** A game ended: the admission processor may start a waiting game (value: the game id). */
    RELEASE
  }

  public Outbound {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(value, "value");
    Class<?> expected = switch (route) {
      case GAME_EVENT -> GameEvent.class;
      case TURN_REQUEST -> TurnRequested.class;
      case TRAJECTORY -> ScoredTrajectory.class;
      case DEAD_LETTER -> DeadLetter.class;
      case RELEASE -> String.class;
    };
    if (!expected.isInstance(value)) {
      throw new IllegalArgumentException("route " + route + " carries " + expected.getSimpleName() + ", not "
          + value.getClass().getSimpleName());
    }
  }

  public static Outbound gameEvent(GameEvent event) {
    return new Outbound(Route.GAME_EVENT, event);
  }

  public static Outbound turnRequest(TurnRequested request) {
    return new Outbound(Route.TURN_REQUEST, request);
  }

  public static Outbound trajectory(ScoredTrajectory trajectory) {
    return new Outbound(Route.TRAJECTORY, trajectory);
  }

  public static Outbound deadLetter(DeadLetter deadLetter) {
    return new Outbound(Route.DEAD_LETTER, deadLetter);
  }

  public static Outbound release(String gameId) {
    return new Outbound(Route.RELEASE, gameId);
  }

  /** The value as the type of its route. */
  public <T> T valueAs(Class<T> type) {
    return type.cast(value);
  }
}
