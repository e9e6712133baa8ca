package org.visionzero.policy.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.checkpoint.EchoOff;
import org.visionzero.policy.model.ModelPolicy;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.runtime.NoGrad;
import org.visionzero.policy.testing.TestGames;

/**
 * {@code policy.echo=off}: a model whose echo logits are off gives its clues the decoder's log-probs alone (the echo
 * way has probability 0, so the sampler never takes it), and training the whole decoder leaves the logits off.
 */
class EchoOffTest {
  private static final String V0_RESOURCE = "/org/visionzero/policy/v0-testscenes.vzck";
  private static final int TURNS = 64;

  @Test
  void shouldNeverEchoAndRecordTheDecodersOwnLogProbs() throws IOException {
    byte[] off = EchoOff.apply(v0());
    try (VzModel model = Checkpoints.load(off, Checkpoints.sha256(off), Device.cpu())) {
      assertThat(model.echoOff()).isTrue();
      List<PolicyTurn> turns = TestGames.clueTurns(TURNS);
      List<ClueAnswer> clues = new ModelPolicy(model, false).clues(turns);

      List<SampleScorer.ClueSample> samples = new ArrayList<>();
      for (int i = 0; i < TURNS; i++) {
        samples.add(new SampleScorer.ClueSample(turns.get(i), clues.get(i).tokenIds()));
      }
      float[] decoderOnly;
      float[] mixed;
      try (NoGrad noGrad = NoGrad.enter(); NDManager m = model.newStepManager()) {
        decoderOnly = SampleScorer.captionLogProbs(model, m, samples).logProbs().toFloatArray();
        mixed = SampleScorer.clueLogProbs(model, m, samples).logProbs().toFloatArray();
      }
      // The mixture's log-sum-exp leaves float rounding only: the echo way has probability 0.
      assertThat(mixed).containsExactly(decoderOnly, within(1e-6f));
      int width = decoderOnly.length / TURNS;
      for (int i = 0; i < TURNS; i++) {
        float[] recorded = clues.get(i).logProbs();
        float[] row = Arrays.copyOfRange(decoderOnly, i * width, i * width + recorded.length);
        for (int t = 0; t < recorded.length; t++) {
          assertThat(recorded[t]).isCloseTo(row[t], within(1e-5f));
        }
      }
    }
  }

  @Test
  void shouldKeepTheEchoOffWhenTheWholeDecoderTrains() throws IOException {
    byte[] off = EchoOff.apply(v0());
    try (VzModel model = Checkpoints.load(off, Checkpoints.sha256(off), Device.cpu());
        VzModel reference = model.copy()) {
      List<PolicyTurn> turns = TestGames.clueTurns(8);
      List<ClueAnswer> clues = new ModelPolicy(model, false).clues(turns);
      float[] gruBefore = model.parameters().get("decoder.gru.wx").toFloatArray();

      try (GrpoStep step = new GrpoStep(model, reference, n -> n.startsWith(ParameterSet.DECODER), 0f, 1f)) {
        for (int s = 0; s < 3; s++) {
          List<GrpoStep.ClueItem> items = new ArrayList<>();
          for (int i = 0; i < turns.size(); i++) {
            items.add(new GrpoStep.ClueItem(new SampleScorer.ClueSample(turns.get(i), clues.get(i).tokenIds()),
                clues.get(i).logProbs(), i % 2 == 0 ? 1f : -1f));
          }
          assertThat(step.step(items, List.of(), 1e-3f).finite()).isTrue();
        }
      }

      assertThat(model.parameters().get(ParameterSet.ECHO_LOGITS).toFloatArray())
          .containsOnly(ParameterSet.ECHO_OFF_LOGIT);
      assertThat(model.parameters().get("decoder.gru.wx").toFloatArray()).isNotEqualTo(gruBefore);
    }
  }

  private static byte[] v0() throws IOException {
    try (InputStream in = EchoOffTest.class.getResourceAsStream(V0_RESOURCE)) {
      return in.readAllBytes();
    }
  }
}
