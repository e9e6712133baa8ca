package org.visionzero.ops.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A share of successes among trials with its Wilson 95 % interval (good near 0 and 1 and for small counts,
 * where the normal approximation leaves [0, 1]).
 */
public record Proportion(long successes, long trials) {

  /** z of a two-sided 95 % interval. */
  public static final double Z95 = 1.959963984540054;
  public static final Proportion EMPTY = new Proportion(0, 0);

  public Proportion {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + "/" + trials);
    }
  }

  public Proportion plus(boolean success) {
    return new Proportion(successes + (success ? 1 : 0), trials + 1);
  }

  public Proportion plus(Proportion other) {
    return new Proportion(successes + other.successes, trials + other.trials);
  }

  /** The observed share; NaN when there were no trials. */
  public double rate() {
    return trials == 0 ? Double.NaN : (double) successes / trials;
  }

  /** Lower end of the Wilson 95 % interval (kept in [0, 1]: at 0 or all successes rounding could leave it). */
  public double low() {
    return trials == 0 ? Double.NaN : Math.max(0.0, centre() - halfWidth());
  }

  /** Upper end of the Wilson 95 % interval, in [0, 1]. */
  public double high() {
    return trials == 0 ? Double.NaN : Math.min(1.0, centre() + halfWidth());
  }

  private double centre() {
    return wilsonCentre(rate(), trials);
  }

  private double halfWidth() {
    return wilsonHalfWidth(rate(), trials);
  }

  /** Centre of the Wilson 95 % interval of share {@code p} over {@code n} trials ({@code n} may be fractional). */
  static double wilsonCentre(double p, double n) {
    return (p + Z95 * Z95 / (2 * n)) / (1 + Z95 * Z95 / n);
  }

  /** Half width of the Wilson 95 % interval of share {@code p} over {@code n} trials. */
  static double wilsonHalfWidth(double p, double n) {
    return Z95 / (1 + Z95 * Z95 / n) * Math.sqrt(p * (1 - p) / n + Z95 * Z95 / (4 * n * n));
  }

  /** {@code {rate, low, high, n, successes}} for JSON. */
  public Map<String, Object> toJson() {
    return json(rate(), low(), high(), trials, successes);
  }

  /** The keys every share of trials writes, whatever its interval rests on. */
  static Map<String, Object> json(double rate, double low, double high, long trials, long successes) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rate", JsonNumbers.finiteOrNull(rate));
    json.put("low", JsonNumbers.finiteOrNull(low));
    json.put("high", JsonNumbers.finiteOrNull(high));
    json.put("n", trials);
    json.put("successes", successes);
    return json;
  }
}
