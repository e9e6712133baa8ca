package org.visionzero.ops.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/** A running mean of values in [0, 1] with a normal-approximation 95 % interval, clamped to [0, 1]. */
public record Mean(double sum, double sumOfSquares, long count) {

  public static final Mean EMPTY = new Mean(0, 0, 0);

  public Mean plus(double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("a score must be in [0, 1], was " + value);
    }
    return new Mean(sum + value, sumOfSquares + value * value, count + 1);
  }

  public Mean plus(Mean other) {
    return new Mean(sum + other.sum, sumOfSquares + other.sumOfSquares, count + other.count);
  }

  public double value() {
    return count == 0 ? Double.NaN : sum / count;
  }

  public double low() {
    return count == 0 ? Double.NaN : Math.max(0, value() - halfWidth());
  }

  public double high() {
    return count == 0 ? Double.NaN : Math.min(1, value() + halfWidth());
  }

  private double halfWidth() {
    if (count < 2) {
      return 1;
    }
    double mean = value();
    double variance = Math.max(0, (sumOfSquares - count * mean * mean) / (count - 1));
    return Proportion.Z95 * Math.sqrt(variance / count);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("mean", JsonNumbers.finiteOrNull(value()));
    json.put("low", JsonNumbers.finiteOrNull(low()));
    json.put("high", JsonNumbers.finiteOrNull(high()));
    json.put("n", count);
    // The sums let a reader pool several runs' games exactly (vz experiment does).
    json.put("sum", JsonNumbers.finiteOrNull(sum));
    json.put("sumOfSquares", JsonNumbers.finiteOrNull(sumOfSquares));
    return json;
  }
}
