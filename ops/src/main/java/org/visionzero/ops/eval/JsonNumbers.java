package org.visionzero.ops.eval;

/** JSON has no NaN: an undefined figure is written as null. */
public final class JsonNumbers {

  private JsonNumbers() {
  }

  public static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
