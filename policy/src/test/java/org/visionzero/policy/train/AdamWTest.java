package org.visionzero.policy.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.runtime.DjlRuntime;

class AdamWTest {
  private static final String PARAMETER = "decision.abstain";
  private static final float TARGET = 3f;
  private static final List<String> TWO = List.of(ParameterSet.ECHO_LOGITS, PARAMETER);

  private static double lossStep(NDManager manager, ParameterSet parameters, AdamW adam, float lr, float factor) {
    try (NDManager m = manager.newSubManager()) {
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray loss = m.zeros(new Shape(1)).add(parameters.get(PARAMETER)).sub(TARGET).square().sum().mul(factor);
        collector.backward(loss);
      }
      return adam.step(parameters, List.of(PARAMETER), lr);
    }
  }

  @Test
  void shouldMinimiseAQuadraticAndZeroGradientsAfterEachStep() {
    DjlRuntime.init();
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      ParameterSet parameters = ParameterSet.initialise(manager, ModelConfig.standard(40), 1);
      parameters.setTrainable(PARAMETER::equals);
      try (AdamW adam = new AdamW(manager.newSubManager(), 0f, 0f)) {
        for (int i = 0; i < 300; i++) {
          lossStep(manager, parameters, adam, 0.05f, 1f);
        }
        assertThat(parameters.get(PARAMETER).getFloat()).isCloseTo(TARGET, within(0.05f));
        try (NDArray g = parameters.gradient(PARAMETER)) {
          assertThat(g.getFloat()).isZero();
        }
      }
    }
  }

  @Test
  void shouldSkipNonFiniteGradientWithoutTouchingWeightsAndRecover() {
    DjlRuntime.init();
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      ParameterSet parameters = ParameterSet.initialise(manager, ModelConfig.standard(40), 1);
      parameters.setTrainable(PARAMETER::equals);
      try (AdamW adam = new AdamW(manager.newSubManager(), 0f, 1f)) {
        float before = parameters.get(PARAMETER).getFloat();
        double norm = lossStep(manager, parameters, adam, 0.1f, Float.NaN);
        assertThat(norm).isNaN();
        assertThat(parameters.get(PARAMETER).getFloat()).isEqualTo(before);
        assertThat(steps(adam)).isZero();

        double next = lossStep(manager, parameters, adam, 0.1f, 1f);
        assertThat(next).isFinite().isPositive();
        // Adam's first step is lr times the sign of the gradient
        assertThat(parameters.get(PARAMETER).getFloat()).isCloseTo(before + 0.1f, within(1e-4f));
      }
    }
  }

  @Test
  void shouldUpdateFromAThreadWhereGradModeIsOn() throws Exception {
    DjlRuntime.init();
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      ParameterSet parameters = ParameterSet.initialise(manager, ModelConfig.standard(40), 1);
      parameters.setTrainable(PARAMETER::equals);
      try (AdamW adam = new AdamW(manager.newSubManager(), 0f, 1f)) {
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
          try {
            ai.djl.pytorch.jni.JniUtils.setGradMode(true); // as in any thread the engine did not start
            lossStep(manager, parameters, adam, 0.1f, 1f);
          } catch (Throwable t) {
            failure[0] = t;
          }
        });
        worker.start();
        worker.join();
        assertThat(failure[0]).isNull();
        assertThat(parameters.get(PARAMETER).getFloat()).isCloseTo(0.1f, within(1e-4f));
      }
    }
  }

  @Test
  void shouldContinueExactlyAfterSavingAndLoadingItsState() {
    DjlRuntime.init();
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      ParameterSet straight = twoParameters(manager);
      ParameterSet resumed = twoParameters(manager);
      try (AdamW uninterrupted = new AdamW(manager.newSubManager(), 1e-2f, 1f);
          AdamW beforeCrash = new AdamW(manager.newSubManager(), 1e-2f, 1f);
          AdamW afterCrash = new AdamW(manager.newSubManager(), 1e-2f, 1f)) {
        for (int s = 0; s < 3; s++) { // the last step leaves the echo logits out: their moments are parked
          List<String> names = s < 2 ? TWO : List.of(PARAMETER);
          quadraticStep(manager, straight, uninterrupted, names);
          quadraticStep(manager, resumed, beforeCrash, names);
        }
        byte[] saved = beforeCrash.saveState();
        afterCrash.loadState(saved);
        assertThat(afterCrash.saveState()).isEqualTo(saved);

        for (int s = 0; s < 2; s++) {
          quadraticStep(manager, straight, uninterrupted, TWO);
          quadraticStep(manager, resumed, afterCrash, TWO);
        }

        assertThat(steps(afterCrash)).isEqualTo(steps(uninterrupted)).isEqualTo(5);
        for (String name : TWO) {
          assertThat(resumed.get(name).toFloatArray()).as(name).containsExactly(straight.get(name).toFloatArray());
        }
        assertThat(afterCrash.saveState()).isEqualTo(uninterrupted.saveState());
      }
    }
  }

  @Test
  void shouldRefuseAStateOfAnotherKind() {
    DjlRuntime.init();
    try (NDManager manager = Engine.getInstance().newBaseManager();
        AdamW adam = new AdamW(manager.newSubManager(), 0f, 1f)) {
      assertThatThrownBy(() -> adam.loadState(new byte[] {1, 2, 3, 4})).hasMessageContaining("not an optimizer state");
      byte[] truncated = java.util.Arrays.copyOf(adam.saveState(), 10);
      assertThatThrownBy(() -> adam.loadState(truncated)).hasMessageContaining("truncated");
    }
  }

  @Test
  void shouldMoveTheEchoLogitsAtTheirScaledRate() {
    DjlRuntime.init();
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      ParameterSet parameters = twoParameters(manager);
      float echoBefore = parameters.get(ParameterSet.ECHO_LOGITS).toFloatArray()[0];
      float otherBefore = parameters.get(PARAMETER).getFloat();
      try (AdamW adam = new AdamW(manager.newSubManager(), 0f, 0f)) {
        quadraticStep(manager, parameters, adam, TWO);
      }

      // Adam's first step moves each weight by the rate whatever the gradient: 1e-4, and 100 × that for the echo.
      assertThat(ParameterSet.learningRateScale(ParameterSet.ECHO_LOGITS)).isEqualTo(100f);
      assertThat(parameters.get(PARAMETER).getFloat() - otherBefore).isCloseTo(1e-4f, within(1e-6f));
      assertThat(parameters.get(ParameterSet.ECHO_LOGITS).toFloatArray()[0] - echoBefore)
          .isCloseTo(1e-4f * 100, within(1e-5f));
    }
  }

  @Test
  void shouldRefuseToApplyAnUpdateWhoseNormIsNotFinite() {
    DjlRuntime.init();
    try (NDManager manager = Engine.getInstance().newBaseManager();
        AdamW adam = new AdamW(manager.newSubManager(), 0f, 1f)) {
      ParameterSet parameters = twoParameters(manager);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(parameters.get(PARAMETER).mul(Float.NaN).sum());
      }
      AdamW.PendingUpdate update = adam.prepare(parameters, List.of(PARAMETER));

      assertThat(update.norm()).isNaN();
      assertThatThrownBy(() -> update.apply(0.1f)).hasMessageContaining("NaN");
      assertThat(steps(adam)).isZero();
    }
  }

  /** The echo logits and one other parameter, trainable. */
  private static ParameterSet twoParameters(NDManager manager) {
    ParameterSet parameters = ParameterSet.initialise(manager, ModelConfig.standard(40), 1);
    parameters.setTrainable(TWO::contains);
    return parameters;
  }

  /** One step of loss = Σ (w − 3)² over the named parameters, at rate 1e-4. */
  private static void quadraticStep(NDManager manager, ParameterSet parameters, AdamW adam, List<String> names) {
    try (NDManager m = manager.newSubManager()) {
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray loss = m.zeros(new Shape(1));
        for (String name : names) {
          loss = loss.add(m.zeros(new Shape(1)).add(parameters.get(name)).sub(TARGET).square().sum());
        }
        collector.backward(loss.sum());
      }
      adam.step(parameters, names, 1e-4f);
    }
  }

  /** The step count an optimiser's saved state holds (after the 4-byte magic). */
  static long steps(AdamW adam) {
    return java.nio.ByteBuffer.wrap(adam.saveState(), Integer.BYTES, Long.BYTES).getLong();
  }
}
