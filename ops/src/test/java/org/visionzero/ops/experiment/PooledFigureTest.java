package org.visionzero.ops.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.json.Json;
import org.visionzero.ops.eval.ClusteredProportion;
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
  void givenVotesInGames_whenPooled_thenTheIntervalIsOverTheGamesOfBothSeedsAsIfOneEvaluation() {
    ClusteredProportion first = ClusteredProportion.EMPTY.plusGame(8, 8).plusGame(0, 8).plusGame(1, 8);
    ClusteredProportion second = ClusteredProportion.EMPTY.plusGame(0, 8).plusGame(2, 8);
    JsonNode one = Json.mapper().valueToTree(Map.of("final", Map.of("naRate", first.toJson())));
    JsonNode two = Json.mapper().valueToTree(Map.of("final", Map.of("naRate", second.toJson())));

    PooledFigure pooled = PooledFigure.of(List.of(one, two), "naRate", PooledFigure.Kind.CLUSTERED);

    ClusteredProportion all = first.plus(second);
    assertThat(all.games()).isEqualTo(5);
    assertThat(pooled.value()).isEqualTo(11.0 / 40);
    assertThat(pooled.low()).isCloseTo(all.low(), within(1e-12));
    assertThat(pooled.high()).isCloseTo(all.high(), within(1e-12));
    assertThat(pooled.n()).isEqualTo(5);
    // Far wider than the 40 votes would claim: one game holds 8 of the 11.
    assertThat(pooled.high() - pooled.low()).isGreaterThan(1.5 * (new Proportion(11, 40).high()
        - new Proportion(11, 40).low()));
    assertThat(pooled.perSeed()).containsExactly(9.0 / 24, 2.0 / 16);
  }

  @Test
  void givenASummaryFromBeforeIntervalsOverGames_whenPooledClustered_thenEachVoteCountsAsAGame() {
    PooledFigure pooled = PooledFigure.of(List.of(summary(Mean.EMPTY.plus(1), new Proportion(3, 40))), "naRate",
        PooledFigure.Kind.CLUSTERED);

    assertThat(pooled.value()).isEqualTo(3.0 / 40);
    assertThat(pooled.n()).isEqualTo(40);
    // Wilson over the votes, but for the estimator's small-sample factor k / (k - 1) (40 / 39 here).
    assertThat(pooled.low()).isCloseTo(new Proportion(3, 40).low(), within(1e-3));
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
