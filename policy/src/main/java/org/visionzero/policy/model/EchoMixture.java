package org.visionzero.policy.model;

import java.util.List;

/**
 * The clue policy's per-token log-probs when a turn may echo the latest clue of another seat, in plain Java for
 * the sampler: the same sum as {@link VzNetwork#echoMixture}, so what a worker records is what the trainer
 * recomputes.
 */
final class EchoMixture {

  private EchoMixture() {
  }

  /**
   * Per-token log-probs of {@code tokens} given the decoder's own per-token log-probs, the echo ({@code echo},
   * empty for none) and the echo logit of the turn's role.
   */
  static float[] logProbs(float[] own, List<Integer> tokens, List<Integer> echo, float echoLogit) {
    if (echo.isEmpty()) {
      return own.clone();
    }
    double logEcho = logSigmoid(echoLogit);
    double logGenerate = logSigmoid(-echoLogit);
    float[] out = new float[own.length];
    boolean matching = true; // the clue so far equals the echo
    double generated = 0; // log-prob of the clue so far under the decoder
    for (int t = 0; t < own.length; t++) {
      double echoPrefix = matching ? logEcho : Double.NEGATIVE_INFINITY;
      double generatePrefix = logGenerate + generated;
      boolean match = matching && t < echo.size() && echo.get(t).equals(tokens.get(t));
      double next = logAddExp(match ? echoPrefix : Double.NEGATIVE_INFINITY, generatePrefix + own[t]);
      out[t] = (float) (next - logAddExp(echoPrefix, generatePrefix));
      matching = match;
      generated += own[t];
    }
    return out;
  }

  /** The probability of echoing for an echo logit. */
  static double echoProbability(float echoLogit) {
    return Math.exp(logSigmoid(echoLogit));
  }

  private static double logSigmoid(double x) {
    return Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)));
  }

  private static double logAddExp(double a, double b) {
    double top = Math.max(a, b);
    if (top == Double.NEGATIVE_INFINITY) {
      return top;
    }
    return top + Math.log(Math.exp(a - top) + Math.exp(b - top));
  }
}
