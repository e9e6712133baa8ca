package org.visionzero.ops.chaos;

import java.time.Duration;
import org.visionzero.ops.config.DurationText;

/** The bounds of the wait between two kills ({@code --kill-every 20s-40s}); each wait is drawn uniformly in it. */
public record KillInterval(Duration least, Duration most) {

  public static final KillInterval DEFAULT = new KillInterval(Duration.ofSeconds(20), Duration.ofSeconds(40));

  public KillInterval {
    if (least.isNegative() || least.isZero() || most.compareTo(least) < 0) {
      throw new IllegalArgumentException("A kill interval needs 0 < least <= most, was " + least + "-" + most);
    }
  }

  /** {@code MIN-MAX} in the duration syntax of every {@code vz} flag ({@code 20s-40s}, {@code 10s-1m}). */
  public static KillInterval parse(String text) {
    String[] bounds = text.strip().split("-", 2);
    if (bounds.length != 2) {
      throw new IllegalArgumentException("--kill-every '" + text + "' is not MIN-MAX, e.g. 20s-40s");
    }
    return new KillInterval(DurationText.parse("--kill-every", bounds[0]),
        DurationText.parse("--kill-every", bounds[1]));
  }

  @Override
  public String toString() {
    return least.toMillis() + "ms-" + most.toMillis() + "ms";
  }
}
