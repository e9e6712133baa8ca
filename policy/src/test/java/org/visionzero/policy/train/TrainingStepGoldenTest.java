package org.visionzero.policy.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.VisibleClue;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.testing.TestModels;

/**
 * Pins the numbers of the pretraining step (caption loss + AdamW) and of the GRPO step, as they were recorded
 * before the policy's and the trainer's optimiser and GRPO step were merged (issue 23). A change that reorders
 * float operations may move the last bits: the tolerance is 1e-6 relative. Run with {@code -Dgolden.print=true}
 * to print the figures of the current code.
 */
class TrainingStepGoldenTest {
  private static final double RELATIVE = 1e-6;
  private static final PolicyRef CURRENT = new PolicyRef(VzModel.POLICY_NAME, -1);

  /** Per step: loss, gradient norm, Σ|w − w0| and Σ(w − w0)² over every weight. */
  private static final double[][] PRETRAINING = {
      {4.0044474601745605, 2.715691690418475, 2384.331505406886, 7.129882622045884},
      {2.726489543914795, 2.2174793976203127, 3486.473888007239, 16.13482850959493},
      {2.9278557300567627, 6.905180993852323, 4208.066336984324, 24.749364881054433},
      {2.6778640747070312, 3.9783093493965853, 4790.237625963542, 32.090510708102926},
      {2.4756624698638916, 2.79714165731998, 5233.272111101782, 38.25531273742656},
  };

  /** Per step: loss, kl, clip fraction, gradient norm, Σ|w − w0|, Σ(w − w0)². */
  private static final double[][] GRPO = {
      {0.059336140751838684, 0.0, 0.3804878070950508, 1.1400487376793365, 1387.757085892129, 2.752203641539997},
      {0.016705073416233063, 0.08793305605649948, 0.47439025342464447, 0.4649851148844222, 1888.975990370714,
          5.790367680798594},
      {0.009643260389566422, 0.03582761809229851, 0.2926829159259796, 1.8157026430116827, 2482.295425906296,
          10.30223252970843},
  };

  @Test
  void shouldKeepThePretrainingStepNumbers() {
    try (VzModel model = TestModels.standard(4)) {
      Map<String, float[]> start = model.parameters().values();
      List<SampleScorer.ClueSample> batch = ClueLogitsEquivalenceTest.batch(model, 16);
      // What Pretrainer trains, with its weight decay and clip.
      Predicate<String> captioning = n -> !n.startsWith(ParameterSet.DECISION) && !n.equals(ParameterSet.ECHO_LOGITS);
      List<String> names = model.parameters().names(captioning);
      model.parameters().setTrainable(captioning);
      List<double[]> figures = new ArrayList<>();
      try (AdamW optimizer = new AdamW(model.newStepManager(), 1e-4f, 1.0f)) {
        for (int step = 0; step < 5; step++) {
          float loss = Pretrainer.captionLoss(model, batch);
          double norm = optimizer.step(model.parameters(), names, 3e-3f * (1f - 0.1f * step));
          double[] moved = moved(start, model.parameters().values());
          figures.add(new double[] {loss, norm, moved[0], moved[1]});
        }
        assertThat(AdamWTest.steps(optimizer)).isEqualTo(5);
      }
      check("PRETRAINING", figures, PRETRAINING);
    }
  }

  @Test
  void shouldKeepTheGrpoStepNumbers() {
    try (VzModel model = TestModels.standard(5); VzModel reference = TestModels.standard(5)) {
      Map<String, float[]> start = model.parameters().values();
      List<SampleScorer.ClueSample> examples = ClueLogitsEquivalenceTest.batch(model, 8);
      List<GrpoStep.ClueItem> clues = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        SampleScorer.ClueSample sample = examples.get(i);
        float[] behaviour = new float[sample.tokenIds().size()];
        java.util.Arrays.fill(behaviour, -2.5f + 0.1f * i);
        clues.add(new GrpoStep.ClueItem(sample, behaviour, (i % 3 - 1) * 0.7f));
      }
      List<GrpoStep.DecisionItem> decisions = new ArrayList<>();
      for (int g = 0; g < 2; g++) {
        PolicyTurn observer = observerTurn(examples, g);
        for (int option = 0; option <= 4; option++) {
          decisions.add(new GrpoStep.DecisionItem(new SampleScorer.DecisionSample(observer, option), -1.6f,
              option == g + 1 ? 1.5f : -0.4f));
        }
      }
      List<double[]> figures = new ArrayList<>();
      // Every weight, the echo logits (which learn at their own rate) included; a large rate so clipping acts.
      try (GrpoStep step = new GrpoStep(model, reference, n -> true, 1e-4f, 1f)) {
        for (int s = 0; s < 3; s++) {
          GrpoMetrics r = step.step(clues, decisions, 2e-3f);
          assertThat(r.finite()).isTrue();
          double[] moved = moved(start, model.parameters().values());
          figures.add(new double[] {r.loss(), r.kl(), r.clipFraction(), r.gradNorm(), moved[0], moved[1]});
        }
      }
      check("GRPO", figures, GRPO);
    }
  }

  /** The observer's turn of a game whose clues are the captions of the examples, the spy's seat {@code g + 1}. */
  private static PolicyTurn observerTurn(List<SampleScorer.ClueSample> examples, int g) {
    List<VisibleClue> history = new ArrayList<>();
    for (int round = 1; round <= 2; round++) {
      for (int seat = 1; seat <= 4; seat++) {
        List<Integer> tokens = examples.get((seat + round + g) % examples.size()).tokenIds();
        history.add(new VisibleClue(seat, round, "clue", tokens));
      }
    }
    TurnView view = new TurnView("golden-" + g, 8, 1, TurnKind.DECISION, 0, 0, Role.OBSERVER, 4, null, "hint",
        history, List.of(), 8, 0.8f, 0L, CURRENT);
    return new PolicyTurn(view, examples.get(g).turn().image(), null);
  }

  /** Σ|w − w0| and Σ(w − w0)² over every weight. */
  static double[] moved(Map<String, float[]> start, Map<String, float[]> now) {
    double abs = 0;
    double squares = 0;
    for (Map.Entry<String, float[]> e : now.entrySet()) {
      float[] before = start.get(e.getKey());
      float[] after = e.getValue();
      for (int i = 0; i < after.length; i++) {
        double d = (double) after[i] - before[i];
        abs += Math.abs(d);
        squares += d * d;
      }
    }
    return new double[] {abs, squares};
  }

  /** Compares to the recorded figures (1e-6 relative); prints the current ones when asked or none are recorded. */
  static void check(String name, List<double[]> figures, double[][] golden) {
    if (Boolean.getBoolean("golden.print") || golden.length == 0) {
      StringBuilder out = new StringBuilder(name).append(" = {\n");
      for (double[] row : figures) {
        out.append("    {");
        for (int i = 0; i < row.length; i++) {
          out.append(i == 0 ? "" : ", ").append(row[i]);
        }
        out.append("},\n");
      }
      System.out.println(out.append("};"));
    }
    assertThat(golden).as("figures recorded for " + name).isNotEmpty();
    assertThat(figures).hasSize(golden.length);
    for (int s = 0; s < golden.length; s++) {
      for (int i = 0; i < golden[s].length; i++) {
        double expected = golden[s][i];
        assertThat(figures.get(s)[i]).as(name + " step " + (s + 1) + " figure " + i)
            .isCloseTo(expected, org.assertj.core.api.Assertions.within(Math.abs(expected) * RELATIVE + 1e-12));
      }
    }
  }
}
