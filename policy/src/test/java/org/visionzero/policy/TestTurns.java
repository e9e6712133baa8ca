package org.visionzero.policy;

import java.util.List;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.VisibleClue;

/** Builders of turn views for tests. */
public final class TestTurns {
  public static final PolicyRef ANY_POLICY = new PolicyRef("vz", -1);

  private TestTurns() {}

  public static TurnView clue(int seat, int round, Role role, int numPlayers, List<VisibleClue> history, long seed) {
    return new TurnView("g1", 0, 1, TurnKind.CLUE, seat, round, role, numPlayers, null, "two objects differ",
        history, List.of(), 1, 0.8f, seed, ANY_POLICY);
  }

  public static TurnView observer(int numPlayers, List<VisibleClue> history, int samples, long seed) {
    return new TurnView("g1", 2 * numPlayers, 1, TurnKind.DECISION, 0, 0, Role.OBSERVER, numPlayers, null,
        "two objects differ", history, List.of(), samples, 0.8f, seed, ANY_POLICY);
  }

  public static VisibleClue said(int seat, int round, String text) {
    return new VisibleClue(seat, round, text, List.of());
  }
}
