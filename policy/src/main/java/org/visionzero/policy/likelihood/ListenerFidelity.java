package org.visionzero.policy.likelihood;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.game.view.TurnView;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.runtime.NoGrad;
import org.visionzero.policy.train.SampleScorer;

/**
 * How true a clue is of the image its speaker saw, as the listener judges it: the geometric-mean probability of the
 * clue's tokens (end token included) when the listener (the frozen copy of v0's decoder the clue fit reads) decodes
 * it as a civilian's first clue about that image, at temperature 1. A clue that names an object the image lacks has
 * a token the listener finds unlikely. In [0, 1]; the model-side counterpart of the scene-graph clue fidelity the
 * evaluation reports, used to keep civilians' words grounded while the speaker trains.
 */
public final class ListenerFidelity {
  private ListenerFidelity() {}

  /** The fidelity of each sample's clue to its own turn's image, in order. */
  public static double[] of(VzModel model, List<SampleScorer.ClueSample> samples) {
    if (samples.isEmpty()) {
      return new double[0];
    }
    List<SampleScorer.ClueSample> asFirstClues = new ArrayList<>(samples.size());
    for (SampleScorer.ClueSample s : samples) {
      asFirstClues.add(new SampleScorer.ClueSample(new PolicyTurn(firstClueView(s.turn().view()), s.turn().image(),
          null), s.tokenIds()));
    }
    double[] out = new double[samples.size()];
    try (NoGrad noGrad = NoGrad.enter(); NDManager m = model.newStepManager()) {
      SampleScorer.TokenLogProbs lp = SampleScorer.listenerCaptionLogProbs(model, m, asFirstClues);
      float[] sums = lp.logProbs().sum(new int[] {1}).toFloatArray();
      float[] counts = lp.mask().sum(new int[] {1}).toFloatArray();
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.exp(sums[i] / Math.max(counts[i], 1f));
      }
    }
    return out;
  }

  /** The turn as a civilian's first clue: no history, temperature 1, same game, players and hint. */
  private static TurnView firstClueView(TurnView v) {
    return new TurnView(v.gameId(), v.turn(), 1, TurnKind.CLUE, 1, 1, Role.CIVILIAN, v.numPlayers(), null,
        v.spyHint(), List.of(), List.of(), 1, 1f, 0L, v.policy());
  }
}
