package org.visionzero.trainer.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.policy.model.ParameterSet;

class SaveableAdamWTest {
  private static final String WEIGHT = "w";

  /** One gradient step of loss = sum((w - target)^2) with the given optimizer. */
  private static void step(NDArray w, SaveableAdamW optimizer) {
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray loss = w.sub(3f).square().sum();
      collector.backward(loss);
    }
    double norm = SaveableAdamW.gradientNorm(Map.of(WEIGHT, w)::get, List.of(WEIGHT));
    optimizer.step(Map.of(WEIGHT, w)::get, List.of(WEIGHT), 0.1f, norm);
    try (NDArray g = w.getGradient()) {
      g.subi(g);
    }
  }

  @Test
  void shouldContinueExactlyAfterSavingAndLoadingItsState() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray straight = manager.create(new float[] {0f, 1f, 5f});
      straight.setRequiresGradient(true);
      NDArray resumed = manager.create(new float[] {0f, 1f, 5f});
      resumed.setRequiresGradient(true);
      SaveableAdamW uninterrupted = new SaveableAdamW(manager.newSubManager(), 0f, 1f);
      SaveableAdamW beforeCrash = new SaveableAdamW(manager.newSubManager(), 0f, 1f);
      for (int i = 0; i < 2; i++) {
        step(straight, uninterrupted);
        step(resumed, beforeCrash);
      }
      byte[] saved = beforeCrash.save();

      SaveableAdamW second = new SaveableAdamW(manager.newSubManager(), 0f, 1f);
      second.load(saved);
      step(straight, uninterrupted);
      step(resumed, second);
      SaveableAdamW first = uninterrupted;

      assertThat(second.steps()).isEqualTo(first.steps()).isEqualTo(3);
      assertThat(resumed.toFloatArray()).containsExactly(straight.toFloatArray());
      assertThat(second.save()).isEqualTo(first.save());
    }
  }

  @Test
  void shouldMoveTheEchoLogitsAtTheirScaledRate() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray echo = manager.create(new float[] {0f});
      echo.setRequiresGradient(true);
      NDArray other = manager.create(new float[] {0f});
      other.setRequiresGradient(true);
      Map<String, NDArray> weights = Map.of(ParameterSet.ECHO_LOGITS, echo, WEIGHT, other);
      List<String> names = List.of(ParameterSet.ECHO_LOGITS, WEIGHT);
      SaveableAdamW optimizer = new SaveableAdamW(manager.newSubManager(), 0f, 0f);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(echo.sub(3f).square().sum().add(other.sub(3f).square().sum()));
      }

      optimizer.step(weights::get, names, 1e-4f, SaveableAdamW.gradientNorm(weights::get, names));

      // Adam's first step moves each weight by the rate whatever the gradient: 1e-4, and 100 × that for the echo.
      assertThat(other.toFloatArray()[0]).isCloseTo(1e-4f, within(1e-6f));
      assertThat(echo.toFloatArray()[0]).isCloseTo(1e-4f * ParameterSet.learningRateScale(ParameterSet.ECHO_LOGITS),
          within(1e-5f));
      assertThat(ParameterSet.learningRateScale(ParameterSet.ECHO_LOGITS)).isEqualTo(100f);
    }
  }

  @Test
  void shouldUpdateFromAThreadTheEngineDidNotStart() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray w = manager.create(new float[] {0f, 1f, 5f});
      w.setRequiresGradient(true);
      SaveableAdamW optimizer = new SaveableAdamW(manager.newSubManager(), 0f, 1f);
      java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();

      Thread trainer = new Thread(() -> {
        try {
          step(w, optimizer);
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      trainer.start();
      trainer.join();

      assertThat(failure.get()).isNull();
      assertThat(w.toFloatArray()[2]).isLessThan(5f);
    }
  }

  @Test
  void shouldRefuseAnUpdateWithANonFiniteGradientNorm() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SaveableAdamW optimizer = new SaveableAdamW(manager.newSubManager(), 0f, 1f);

      assertThatThrownBy(() -> optimizer.step(name -> null, List.of(), 0.1f, Double.NaN))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("NaN");
    }
  }
}
