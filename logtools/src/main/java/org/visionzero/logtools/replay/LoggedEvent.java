package org.visionzero.logtools.replay;

import java.util.Objects;
import org.visionzero.events.GameEvent;

/**
 * A game event with where it sits in the log.
 *
 * @param partition partition of {@code game-events}
 * @param offset    offset in that partition
 * @param event     the decoded event
 */
public record LoggedEvent(int partition, long offset, GameEvent event) {
  public LoggedEvent {
    Objects.requireNonNull(event, "event");
  }
}
