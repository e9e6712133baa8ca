package org.visionzero.policy.likelihood;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.testing.TestGames;
import org.visionzero.policy.train.SampleScorer;

/** The listener's fidelity of a clue to its speaker's image: the true caption fits better than the odd image's. */
class ListenerFidelityTest {
  private static final String V0_RESOURCE = "/org/visionzero/policy/v0-testscenes.vzck";

  @Test
  void shouldFindTheCaptionOfTheOwnImageTruerThanTheCaptionOfTheOtherImage() throws IOException {
    byte[] bytes;
    try (InputStream in = ListenerFidelityTest.class.getResourceAsStream(V0_RESOURCE)) {
      bytes = in.readAllBytes();
    }
    try (VzModel v0 = Checkpoints.load(bytes, Checkpoints.sha256(bytes), Device.cpu())) {
      List<SampleScorer.ClueSample> own = new ArrayList<>();
      List<SampleScorer.ClueSample> other = new ArrayList<>();
      for (PolicyTurn turn : TestGames.observerTurns(20, 1)) {
        own.add(new SampleScorer.ClueSample(turn, caption(v0, turn, false)));
        other.add(new SampleScorer.ClueSample(turn, caption(v0, turn, true)));
      }

      double[] ownFidelity = ListenerFidelity.of(v0, own);
      double[] otherFidelity = ListenerFidelity.of(v0, other);

      int truer = 0;
      for (int i = 0; i < ownFidelity.length; i++) {
        assertThat(ownFidelity[i]).isBetween(0.0, 1.0);
        truer += ownFidelity[i] > otherFidelity[i] ? 1 : 0;
      }
      assertThat(truer).isGreaterThanOrEqualTo(18);
      v0.detachListener(); // a copy judges the same
      assertThat(ListenerFidelity.of(v0, own)).containsExactly(ownFidelity);
    }
  }

  private static List<Integer> caption(VzModel model, PolicyTurn turn, boolean modified) {
    List<Integer> ids = new ArrayList<>();
    for (String word : turn.facts().captionWords(modified)) {
      ids.add(model.vocabulary().id(word));
    }
    ids.add(Vocabulary.EOS_ID);
    return ids;
  }
}
