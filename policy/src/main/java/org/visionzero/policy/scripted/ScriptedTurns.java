package org.visionzero.policy.scripted;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.visionzero.events.TurnKind;
import org.visionzero.game.view.TurnView;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vote;

/** The batch loop and the checks shared by the scripted policies. */
final class ScriptedTurns {
  private ScriptedTurns() {}

  /** One answer per turn, in order, each turn checked first to be of {@code kind}. */
  static <A> List<A> answerEach(List<PolicyTurn> turns, TurnKind kind, BiFunction<PolicyTurn, TurnView, A> answer) {
    List<A> out = new ArrayList<>(turns.size());
    for (PolicyTurn turn : turns) {
      out.add(answer.apply(turn, requireKind(turn.view(), kind)));
    }
    return out;
  }

  /** The votes a decision turn asks for ({@code view.samples()}), each from {@code vote}. */
  static List<Vote> votes(TurnView view, Supplier<Vote> vote) {
    List<Vote> votes = new ArrayList<>(view.samples());
    for (int i = 0; i < view.samples(); i++) {
      votes.add(vote.get());
    }
    return votes;
  }

  static TurnView requireKind(TurnView view, TurnKind kind) {
    if (view.kind() != kind) {
      throw new IllegalArgumentException("turn " + view.gameId() + "/" + view.turn() + " is a " + view.kind()
          + " turn, but was passed to the " + kind + " method");
    }
    return view;
  }
}
