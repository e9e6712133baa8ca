package org.visionzero.policy.train;

import static org.assertj.core.api.Assertions.assertThat;
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
        assertThat(adam.steps()).isZero();

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
}
