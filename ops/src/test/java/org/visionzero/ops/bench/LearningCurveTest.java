package org.visionzero.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LearningCurveTest {

  private static LearningPoint point(double seconds, long step, double accuracy, long samples) {
    return new LearningPoint(seconds, step, step * 8, (int) (step / 10), accuracy, 0.2, 0.05, samples);
  }

  private static final List<LearningPoint> CURVE = List.of(
      point(0, 0, 0.21, 200),
      point(30, 10, 0.85, 10),   // too few samples to count
      point(60, 20, 0.79, 200),
      point(90, 30, 0.81, 200),
      point(120, 40, 0.90, 200));

  @Test
  void shouldTimeTheFirstEvaluationWithEnoughSamplesThatReachesTheTarget() {
    assertThat(LearningCurve.secondsToTarget(CURVE, 0.8, 30)).contains(90.0);
    assertThat(LearningCurve.secondsToTarget(CURVE, 0.8, 1)).contains(30.0);
    assertThat(LearningCurve.secondsToTarget(CURVE, 0.79, 30)).contains(60.0);
  }

  @Test
  void shouldFindNoTimeWhenTheTargetIsNeverReached() {
    assertThat(LearningCurve.secondsToTarget(CURVE, 0.95, 30)).isEmpty();
    assertThat(LearningCurve.secondsToTarget(List.of(), 0.8, 30)).isEmpty();
    assertThat(LearningCurve.secondsToTarget(List.of(point(10, 1, Double.NaN, 200)), 0.8, 30)).isEmpty();
  }

  @Test
  void shouldTakeTheFirstInTimeWhateverTheOrderOfThePoints() {
    List<LearningPoint> shuffled = List.of(CURVE.get(4), CURVE.get(3), CURVE.get(0));

    assertThat(LearningCurve.secondsToTarget(shuffled, 0.8, 30)).contains(90.0);
  }

  @Test
  void shouldGiveTheLatestEvaluationOfWeightsThatExistedByATime() {
    assertThat(LearningCurve.at(CURVE, 75)).contains(CURVE.get(2));
    assertThat(LearningCurve.at(CURVE, 90)).contains(CURVE.get(3));
    assertThat(LearningCurve.at(CURVE, -1)).isEmpty();
    assertThat(LearningCurve.last(CURVE)).contains(CURVE.get(4));
    assertThat(LearningCurve.last(List.of())).isEmpty();
  }

  @Test
  void shouldDivideOnlyWhenBothFiguresArePresentAndTheQuotientIsFinite() {
    assertThat(LearningCurve.ratio(Optional.of(120.0), Optional.of(60.0))).contains(2.0);
    assertThat(LearningCurve.ratio(Optional.empty(), Optional.of(60.0))).isEmpty();
    assertThat(LearningCurve.ratio(Optional.of(120.0), Optional.empty())).isEmpty();
    assertThat(LearningCurve.ratio(Optional.of(120.0), Optional.of(0.0))).isEmpty();
    assertThat(LearningCurve.ratio(Optional.of(0.0), Optional.of(0.0))).isEmpty();
  }
}
