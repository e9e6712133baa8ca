package org.visionzero.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.visionzero.ops.eval.VersionResult;

/**
 * The learning bar of a short {@code vz run} from the committed v0, shared by the in-JVM and the remote-backend
 * learning tests: decision accuracy on v0's clues rises from v0's (95 % intervals apart) to at least
 * {@value #MIN_ACCURACY}, its interval at least {@value #MIN_GAP_TO_NO_IMAGE} above the no-image control's, and the
 * N/A rate stays at most {@value #MAX_NA_RATE}.
 */
final class LearningBar {
  static final double MAX_NA_RATE = 0.1;
  static final double MIN_ACCURACY = 0.8;
  static final double MIN_GAP_TO_NO_IMAGE = 0.3;

  private LearningBar() {}

  static void assertMet(List<VersionResult> results, String label) {
    VersionResult start = results.get(0);
    VersionResult last = results.get(results.size() - 1);
    System.out.printf("%s: v0 accuracy %s, v%d accuracy %s, no-image %s, N/A %s%n", label,
        start.decisionAccuracy().toJson(), last.version(), last.decisionAccuracy().toJson(),
        last.noImageAccuracy().toJson(), last.naRate().toJson());
    assertThat(start.version()).isZero();
    assertThat(last.version()).isPositive();
    assertThat(last.decisionAccuracy().low()).isGreaterThan(start.decisionAccuracy().high());
    assertThat(last.decisionAccuracy().rate()).isGreaterThanOrEqualTo(MIN_ACCURACY);
    assertThat(last.decisionAccuracy().low() - last.noImageAccuracy().high())
        .isGreaterThanOrEqualTo(MIN_GAP_TO_NO_IMAGE);
    assertThat(last.naRate().rate()).isLessThanOrEqualTo(MAX_NA_RATE);
  }
}
