package org.visionzero.ops.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.visionzero.json.Json;

/**
 * One arm's measurements as a child JVM hands them to {@code vz bench learning}: every point, so the parent
 * computes the same figures as from an arm run in its own process. JSON has no NaN: a figure that is not finite
 * travels as {@code null} and comes back as NaN.
 */
final class ArmFile {

  private ArmFile() {
  }

  /** The file's form of a {@link LearningPoint}: boxed figures, {@code null} where not finite. */
  record Point(double seconds, long step, long gamesPlayed, int policyVersion, Double decisionAccuracy,
      Double noImageAccuracy, Double naRate, long samples) {

    static Point of(LearningPoint p) {
      return new Point(p.seconds(), p.step(), p.gamesPlayed(), p.policyVersion(), finite(p.decisionAccuracy()),
          finite(p.noImageAccuracy()), finite(p.naRate()), p.samples());
    }

    LearningPoint toPoint() {
      return new LearningPoint(seconds, step, gamesPlayed, policyVersion, orNaN(decisionAccuracy),
          orNaN(noImageAccuracy), orNaN(naRate), samples);
    }
  }

  /** The file's form of a {@link LearningArm}. */
  record Arm(String name, String end, double seconds, long steps, long gamesPlayed, List<Point> points,
      Map<String, Object> details) {
  }

  static void write(LearningArm arm, Path file) throws IOException {
    Json.mapper().writeValue(file.toFile(), new Arm(arm.name(), arm.end(), arm.seconds(), arm.steps(),
        arm.gamesPlayed(), arm.points().stream().map(Point::of).toList(), arm.details()));
  }

  static LearningArm read(Path file) throws IOException {
    Arm arm = Json.mapper().readValue(file.toFile(), Arm.class);
    return new LearningArm(arm.name(), arm.end(), arm.seconds(), arm.steps(), arm.gamesPlayed(),
        arm.points().stream().map(Point::toPoint).toList(), arm.details() == null ? Map.of() : arm.details());
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }
}
