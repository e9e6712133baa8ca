package org.visionzero.policy.testing;

import java.util.ArrayList;
import java.util.List;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.VisibleClue;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.train.CaptionExample;

/** Fixed turns over drawn scenes, for tests of the model. */
public final class TestGames {
  private static final TestSceneDrawer DRAWER = new TestSceneDrawer();
  private static final PolicyRef CURRENT = new PolicyRef("vz", -1);

  private TestGames() {}

  /** {@code count} clue turns: seats 1..4 in turn, the spy at seat 2 seeing the modified image, some history. */
  public static List<PolicyTurn> clueTurns(int count) {
    List<PolicyTurn> turns = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      CaptionExample pair = DRAWER.next(100 + i);
      int seat = 1 + i % 4;
      boolean spy = seat == 2;
      List<VisibleClue> history = new ArrayList<>();
      for (int s = 1; s < seat; s++) {
        history.add(new VisibleClue(s, 1, String.join(" ", pair.facts().captionWords(false)), List.of()));
      }
      TurnView view = new TurnView("t" + i, seat - 1, 1, TurnKind.CLUE, seat, 1, spy ? Role.SPY : Role.CIVILIAN, 4,
          null, "two objects differ", history, List.of(), 1, 0.8f, 1000L + i, CURRENT);
      turns.add(new PolicyTurn(view, spy ? pair.modified() : pair.original(), pair.facts()));
    }
    return turns;
  }

  /** {@code count} observer turns with {@code samples} samples over clues that name the scene's objects. */
  public static List<PolicyTurn> observerTurns(int count, int samples) {
    List<PolicyTurn> turns = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      CaptionExample pair = DRAWER.next(200 + i);
      List<VisibleClue> history = new ArrayList<>();
      for (int s = 1; s <= 4; s++) {
        history.add(new VisibleClue(s, 1, String.join(" ", pair.facts().captionWords(s == 3)), List.of()));
      }
      TurnView view = new TurnView("o" + i, 8, 1, TurnKind.DECISION, 0, 0, Role.OBSERVER, 4, null,
          "two objects differ", history, List.of(), samples, 0.8f, 2000L + i, CURRENT);
      turns.add(new PolicyTurn(view, pair.original(), pair.facts()));
    }
    return turns;
  }
}
