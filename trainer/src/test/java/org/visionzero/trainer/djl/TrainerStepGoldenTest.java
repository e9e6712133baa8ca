package org.visionzero.trainer.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Purpose;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TrainingStepCompleted;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.reward.RaeBaselines;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.trainer.TestTrajectories;
import org.visionzero.trainer.batch.StepBatch;
import org.visionzero.trainer.core.StepOptions;
import org.visionzero.trainer.core.TrainerCore;
import org.visionzero.trainer.inputs.PairImages;
import org.visionzero.trainer.inputs.PairPictures;
import org.visionzero.trainer.inputs.TurnInputs;
import org.visionzero.trainer.phase.IterativeSpoControl;
import org.visionzero.trainer.sample.StalenessFilter;
import org.visionzero.trainer.state.TrainerState;
import org.visionzero.trainer.step.CivilianFidelity;
import org.visionzero.trainer.step.KlAnchor;
import org.visionzero.trainer.step.LearningRateSchedule;
import org.visionzero.trainer.step.TrainableParameters;

/**
 * Pins the numbers of the trainer's step (RAE, phase samples, GRPO loss, AdamW with its saveable state, learning
 * rate per phase) on the real model, as they were recorded before the policy's and the trainer's optimiser and GRPO
 * step were merged (issue 23): phases alternate, so the moments of the part a phase does not train must survive
 * it, and the echo logits learn at their scaled rate. A run resumed from a checkpoint after step 3 must take
 * exactly the steps of the uninterrupted run. Tolerance 1e-6 relative (float reordering); run with
 * {@code -Dgolden.print=true} to print the figures of the current code.
 */
class TrainerStepGoldenTest {
  private static final double RELATIVE = 1e-6;
  private static final int STEPS = 6;
  private static final int RESUME_AFTER = 3;
  private static final GameConfig RULES = GameConfig.code().toBuilder().cycleLength(1).build();
  private static final LearningRateSchedule SCHEDULE = new LearningRateSchedule(1e-4, 3e-3, 1, 10);

  /**
   * Per step: loss, kl, clip fraction, gradient norm, learning rate, b_spy, b_civ, Σ|w − w0|, Σ(w − w0)²,
   * optimiser steps, Σ|m|, Σv. A frozen speaker ({@link TrainableParameters#echoOnly}: echo logits in CLUE, decision
   * head in DECISION; the default before the listener was separate), as main printed them at 55b655e, before the
   * listener existed (its {@code DEFAULT_PARTS}): with the listener a frozen copy of the decoder they must be the
   * same doubles, bit for bit.
   */
  private static final double[][] FROZEN_SPEAKER = {
      {0.41498589515686035, 0.0, 0.5, 0.9663911110240335, 0.003, -0.043329999999999994,
          0.011387777777777776, 86.37374697974155, 0.25893327945981515, 1.0, 6.714807137445916, 9.338997571919554E-4},
      {0.05454051494598389, 0.0, 0.25, 9.644064994063228E-5, 1.0E-4, -0.07732699999999999,
          0.025247888888888882, 86.38118730833958, 0.2589886379494617, 2.0, 6.714816781513093, 9.338997664926345E-4},
      {0.3166278600692749, 0.741640031337738, 0.5, 0.7992070619681164, 0.0029095389311788625, -0.1029243,
          0.0413331, 123.05206016559532, 0.5699741197617498, 3.0, 9.244368819457474, 0.001571689583100116},
      {0.021827585995197296, 5.4637592228345966E-8, 0.25, 1.9748574413824826E-4, 8.83022221559489E-5, -0.12096187,
          0.06275423444444445, 123.05869773883751, 0.5701169485923259, 4.0, 9.2443876036299, 0.0015716896220909326},
      {0.33630576729774475, 1.8603147268295288, 0.5, 0.5888903227349244, 0.0022500000000000003, -0.132195683,
          0.08453325544444444, 140.07507299316057, 0.7818345528783477, 5.0, 8.576116021480404, 0.0019169053013630654},
      {-6.495553534477949E-4, 1.986821445143505E-7, 0.125, 1.6435711476526588E-4, 5.868240888334653E-5, -0.1373061147,
          0.10552326323333332, 140.08270095718035, 0.7819973197684187, 6.0, 8.57612967000322, 0.0019169053283276886},
  };


  /**
   * Every weight trained in both phases (the gradient norm is clipped). Re-recorded when the listener became separate:
   * from step 3 on the decision head's clue fit reads the frozen copy of the base decoder, not the decoder that step 2
   * trained (before: loss of step 3 0.31831324, kl 0.56653541).
   */
  private static final double[][] ALL_PARTS = {
      {0.41498589515686035, 0.0, 0.5, 1.0113987946517105, 0.003, -0.043329999999999994, 0.011387777777777776,
          117.83442676887171, 0.35321806204813594, 1.0, 8.011265600634207, 9.999870930354519E-4},
      {0.05401059240102768, 0.028816435486078262, 0.25, 0.034440371337553274, 1.0E-4, -0.07732699999999999,
          0.025247888888888882, 167.3444441734705, 0.3723579527854777, 2.0, 8.342374468350457, 0.0010001732425322556},
      {0.3183142840862274, 0.5665192008018494, 0.5, 0.633094997193242, 0.0029095389311788625, -0.1029243, 0.0413331,
          1258.6758736461657, 2.6342765187927166, 3.0, 10.090514645303728, 0.0013999771966855055},
      {5.882913246750832E-4, 1.093776822090149, 0.4166666567325592, 0.5402317702584167, 8.83022221559489E-5,
          -0.12096187, 0.06275423444444445, 1269.0824769896794, 2.6750488151162783, 4.0, 22.51886067041908,
          0.0016904238463700545},
  };


  private final PairImages images = pairImages();

  /**
   * The default parts (the whole decoder, the speaker, in CLUE; the decision head in DECISION) with the civilians'
   * fidelity term, recorded when they became the default (the clue fit reads the frozen listener).
   */
  private static final double[][] SPEAKER_TRAINED = {
      {0.41498589515686035, 0.0, 0.5, 0.9663911110240335, 0.003, -0.043329999999999994, 0.011387777777777776,
          86.37374697974155, 0.25893327945981515, 1.0, 6.714807137445916, 9.338997571919554E-4},
      {0.05453571677207947, 0.0, 0.25, 0.03472144733924134, 1.0E-4, -0.07732699999999999, 0.025247888888888882,
          122.5814676476705, 0.2615921742654142, 2.0, 7.520594309616295, 9.351053205765203E-4},
      {0.3166278600692749, 0.741640031337738, 0.5, 0.7992070619681164, 0.0029095389311788625, -0.1029243, 0.0413331,
          159.25234050492622, 0.5725776560777023, 3.0, 10.050146347560553, 0.00157289513718389},
      {0.020962201058864594, 0.0031695712823420763, 0.25, 0.04629862464678729, 8.83022221559489E-5, -0.12096187,
          0.06275423444444445, 190.52970524156478, 0.5792803589010233, 4.0, 11.050664778565796, 0.0015750374666821713},
      {0.33630576729774475, 1.8603147268295288, 0.5, 0.5888903227349244, 0.0022500000000000003, -0.132195683,
          0.08453325544444444, 207.54608049588785, 0.7909979631870451, 5.0, 10.382393196416299, 0.001920253145954304},
      {-0.0021710870787501335, 0.011067467741668224, 0.125, 0.040786627886400924, 5.868240888334653E-5, -0.1373061147,
          0.10552326323333332, 229.25883819176568, 0.7981411037092732, 6.0, 11.145932679482206, 0.0019219133257036506},
  };

  @Test
  void shouldKeepTheStepNumbersOfAFrozenSpeakerWithTheListenerSeparate() throws Exception {
    List<double[]> straight = run(TrainableParameters.echoOnly(), CivilianFidelity.off(), STEPS, null);
    check("FROZEN_SPEAKER", straight, FROZEN_SPEAKER);
    assertThat(straight.toArray(double[][]::new)).as("bit-identical to main before the listener")
        .isDeepEqualTo(FROZEN_SPEAKER);
  }

  @Test
  void shouldKeepTheStepNumbersWhenClueStepsTrainTheSpeaker() throws Exception {
    List<double[]> straight = run(TrainableParameters.speaker(), CivilianFidelity.defaults(), STEPS, null);
    check("SPEAKER_TRAINED", straight, SPEAKER_TRAINED);
  }

  @Test
  void shouldKeepTheStepNumbersWhenEveryWeightTrains() throws Exception {
    List<double[]> straight = run(TrainableParameters.all(), CivilianFidelity.off(), 4, null);
    check("ALL_PARTS", straight, ALL_PARTS);
  }

  @Test
  void shouldTakeTheSameStepsAfterResumingFromACheckpoint() throws Exception {
    List<double[]> straight = run(TrainableParameters.speaker(), CivilianFidelity.defaults(), STEPS, null);
    List<double[]> resumed = run(TrainableParameters.speaker(), CivilianFidelity.defaults(), STEPS, RESUME_AFTER);

    for (int s = 0; s < STEPS; s++) {
      assertThat(resumed.get(s)).as("step " + (s + 1)).containsExactly(straight.get(s));
    }
  }

  /**
   * {@code steps} trainer steps from a seeded model; with {@code resumeAfter}, the learner and the core are
   * replaced after that step by ones restored from its checkpoint, as a restarted trainer does (a new learner on the
   * same base model, which stays the KL reference).
   */
  private List<double[]> run(TrainableParameters parts, CivilianFidelity fidelity, int steps, Integer resumeAfter)
      throws Exception {
    List<double[]> figures = new ArrayList<>();
    DjlLearner learner = learner(7, parts, fidelity);
    try {
      Map<String, float[]> start = learner.model().parameters().values();
      IterativeSpoControl phases = IterativeSpoControl.start(RULES);
      TrainerCore core = core(TrainerState.initial(0, RaeBaselines.initial(RULES.raeAlpha()), phases.state()),
          phases, learner);
      for (int step = 1; step <= steps; step++) {
        TrainingStepCompleted done = core.step(batch(step)).completed();
        assertThat(done.getApplied()).as("step " + step + ": " + done.getSkipReason()).isTrue();
        byte[] checkpoint = learner.save(0, Map.of());
        double[] moved = moved(start, learner.model().parameters().values());
        double[] optimizer = optimizerSums(checkpoint);
        figures.add(new double[] {done.getLoss(), done.getKl(), done.getClipFraction(), done.getGradNorm(),
            done.getLearningRate(), done.getBaselineSpy(), done.getBaselineCivilian(), moved[0], moved[1],
            optimizer[0], optimizer[1], optimizer[2]});
        if (resumeAfter != null && step == resumeAfter) {
          TrainerState state = core.state();
          learner.close();
          learner = learner(7, parts, fidelity);
          learner.load(checkpoint);
          core = core(state, IterativeSpoControl.restore(RULES, state.phase()), learner);
        }
      }
    } finally {
      learner.close();
    }
    return figures;
  }

  private DjlLearner learner(long seed, TrainableParameters parts, CivilianFidelity fidelity) throws Exception {
    return new DjlLearner(DjlLearner.baseModel(null, seed, "cpu"), new TurnInputs(RULES, images), parts,
        KlAnchor.defaults(), fidelity, false);
  }

  private static TrainerCore core(TrainerState state, IterativeSpoControl phases, DjlLearner learner) {
    return new TrainerCore(state, phases, new StalenessFilter(TestTrajectories.POLICY, 4), SCHEDULE, learner, 100,
        StepOptions.defaults());
  }

  /** Two games a step, spies at different seats, rewards that differ by step so the RAE baselines move. */
  private static StepBatch batch(int step) {
    List<ScoredTrajectory> games = new ArrayList<>();
    for (int g = 0; g < 2; g++) {
      int spy = 1 + (step + g) % TestTrajectories.PLAYERS;
      double shift = 0.05 * step - 0.1 * g;
      List<Double> rewards = new ArrayList<>();
      for (int seat = 1; seat <= TestTrajectories.PLAYERS; seat++) {
        rewards.add(seat == spy ? -0.4333 + shift : 0.1111 + shift * seat / 3);
      }
      games.add(TestTrajectories.game("s" + step + "g" + g, Purpose.TRAINING, 0, spy, rewards));
    }
    return new StepBatch(games, Map.of(0, (long) step), 0, 0);
  }

  /** Seeded noise pictures: the modified one differs in a square. */
  private static PairImages pairImages() {
    BufferedImage original = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    BufferedImage modified = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    SplittableRandom random = new SplittableRandom(11);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        int rgb = random.nextInt(0x1000000);
        original.setRGB(x, y, rgb);
        modified.setRGB(x, y, x > 20 && x < 36 && y > 20 && y < 36 ? 0xFF0000 : rgb);
      }
    }
    PairPictures pictures = new PairPictures(original, modified, "two objects differ");
    return pairId -> pictures;
  }

  /** Σ|w − w0| and Σ(w − w0)² over every weight. */
  private static double[] moved(Map<String, float[]> start, Map<String, float[]> now) {
    double[] deltas = now.entrySet().stream().flatMapToDouble(e -> IntStream.range(0, e.getValue().length)
        .mapToDouble(i -> (double) e.getValue()[i] - start.get(e.getKey())[i])).toArray();
    return new double[] {Arrays.stream(deltas).map(Math::abs).sum(), Arrays.stream(deltas).map(d -> d * d).sum()};
  }

  /**
   * Steps, Σ|m| and Σv of the checkpoint's optimizer section: "VZOP", steps, count, then per parameter its name,
   * shape and both moments.
   */
  private static double[] optimizerSums(byte[] checkpoint) throws IOException {
    byte[] section = Checkpoints.decode(checkpoint, Checkpoints.sha256(checkpoint)).extras().get("optimizer");
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(section))) {
      assertThat(in.readInt()).isEqualTo(0x565A4F50);
      long steps = in.readLong();
      int count = in.readInt();
      double[] sums = new double[2];
      for (int p = 0; p < count; p++) {
        in.readUTF();
        int rank = in.readInt();
        for (int d = 0; d < rank; d++) {
          in.readLong();
        }
        for (int k = 0; k < 2; k++) {
          int n = in.readInt();
          for (int i = 0; i < n; i++) {
            sums[k] += Math.abs(in.readFloat());
          }
        }
      }
      assertThat(in.available()).isZero();
      return new double[] {steps, sums[0], sums[1]};
    }
  }

  /** Compares to the recorded figures (1e-6 relative); prints the current ones when asked or none are recorded. */
  private static void check(String name, List<double[]> figures, double[][] golden) {
    double[][] actual = figures.toArray(double[][]::new);
    if (Boolean.getBoolean("golden.print") || golden.length == 0) {
      System.out.println(name + " = " + Arrays.deepToString(actual).replace('[', '{').replace(']', '}'));
    }
    assertThat(actual).as(name).hasSameDimensionsAs(golden);
    for (int s = 0; s < golden.length; s++) {
      assertThat(actual[s]).as(name + " step " + (s + 1)).usingElementComparator(TrainerStepGoldenTest::closeTo)
          .containsExactly(golden[s]);
    }
  }

  /** 0 when {@code actual} is within {@link #RELATIVE} of {@code expected}. */
  private static int closeTo(Double actual, Double expected) {
    return Math.abs(actual - expected) <= Math.abs(expected) * RELATIVE + 1e-12 ? 0 : Double.compare(actual, expected);
  }
}
