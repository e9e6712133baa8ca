package org.visionzero.ops.eval;

import java.util.List;
import org.visionzero.events.BlobRef;
import org.visionzero.events.PolicyRef;
import org.visionzero.game.view.TurnView;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;

/**
 * A policy whose turns name their picture in the view: in-process games carry the picture in the turn but no blob
 * reference in the view, and the prompt a remote model reads says "no picture" unless the view names one, so a
 * remote seat would play blind. Wrapped around the remote policy of {@code vz eval --policy-url}.
 */
final class InlinePictures implements Policy {
  /** A marker reference: the picture itself travels in the turn. */
  static final BlobRef INLINE_IMAGE = BlobRef.newBuilder().setUri("inline:eval").setSha256("0".repeat(64))
      .setMediaType("image/png").setSize(0).build();

  private final Policy inner;

  InlinePictures(Policy inner) {
    this.inner = inner;
  }

  @Override
  public PolicyRef ref() {
    return inner.ref();
  }

  @Override
  public List<ClueAnswer> clues(List<PolicyTurn> turns) {
    return inner.clues(turns.stream().map(InlinePictures::named).toList());
  }

  @Override
  public List<DecisionAnswer> decisions(List<PolicyTurn> turns) {
    return inner.decisions(turns.stream().map(InlinePictures::named).toList());
  }

  /** {@code turn} with its view naming a picture exactly when the turn carries one. */
  static PolicyTurn named(PolicyTurn turn) {
    TurnView v = turn.view();
    BlobRef image = turn.image() == null ? null : v.image() != null ? v.image() : INLINE_IMAGE;
    if (image == v.image()) {
      return turn;
    }
    TurnView view = new TurnView(v.gameId(), v.turn(), v.attempt(), v.kind(), v.seat(), v.round(), v.role(),
        v.numPlayers(), image, v.spyHint(), v.history(), v.ownReasoning(), v.samples(), v.temperature(),
        v.samplingSeed(), v.policy());
    return new PolicyTurn(view, turn.image(), turn.facts());
  }

  @Override
  public void close() {
    inner.close();
  }
}
