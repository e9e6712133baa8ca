package org.visionzero.game.rules;

import java.util.Objects;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;

/**
 * One turn of the plan: who acts, in which stage, and how many samples it draws.
 *
 * @param turn    turn index, 0-based (clue turns first, then decision turns)
 * @param kind    CLUE or DECISION
 * @param seat    acting seat 1..N, 0 for the observer
 * @param round   clue round 1-based, 0 for decision turns
 * @param role    the acting seat's role
 * @param samples samples to draw (G for the observer, else 1)
 */
public record TurnSlot(int turn, TurnKind kind, int seat, int round, Role role, int samples) {
  public TurnSlot {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(role, "role");
  }
}
