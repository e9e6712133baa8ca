package org.visionzero.ops.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.json.Json;
import org.visionzero.ops.eval.Mean;
import org.visionzero.ops.eval.Proportion;

class PooledFigureTest {

  @Test
  void shouldPoolTheGamesOfEverySeedExactlyAsOneEvaluationOfThemAll() {
    Mean first = Mean.EMPTY.plus(1).plus(0.5).plus(0.75);
    Mean second = Mean.EMPTY.plus(0).plus(0.25);
    Proportion na = new Proportion(3, 40);

    PooledFigure pooled = PooledFigure.of(List.of(summary(first, na), summary(second, new Proportion(1, 24))),
        "decisionAccuracyPerGame", PooledFigure.Kind.MEAN);
    PooledFigure naRate = PooledFigure.of(List.of(summary(first, na), summary(second, new Proportion(1, 24))),
        "naRate", PooledFigure.Kind.PROPORTION);

    Mean all = first.plus(second);
    assertThat(pooled.value()).isCloseTo(all.value(), within(1e-12));
    assertThat(pooled.low()).isCloseTo(all.low(), within(1e-12));
    assertThat(pooled.high()).isCloseTo(all.high(), within(1e-12));
    assertThat(pooled.n()).isEqualTo(5);
    assertThat(pooled.perSeed()).containsExactly(0.75, 0.125);
    assertThat(naRate.value()).isEqualTo(4.0 / 64);
    assertThat(naRate.low()).isEqualTo(new Proportion(4, 64).low());
  }

  @Test
  void shouldLeaveOutASeedThatMeasuredNothing() {
    JsonNode empty = Json.mapper().valueToTree(Map.of("final", Map.of()));

    PooledFigure pooled = PooledFigure.of(List.of(empty, summary(Mean.EMPTY.plus(1), Proportion.EMPTY)),
        "decisionAccuracyPerGame", PooledFigure.Kind.MEAN);

    assertThat(pooled.n()).isEqualTo(1);
    assertThat(pooled.perSeed()).hasSize(2);
    assertThat(pooled.perSeed().get(0)).isNaN();
  }

  private static JsonNode summary(Mean accuracy, Proportion na) {
    return Json.mapper().valueToTree(Map.of("final", Map.of("decisionAccuracyPerGame", accuracy.toJson(),
        "naRate", na.toJson())));
  }
}
