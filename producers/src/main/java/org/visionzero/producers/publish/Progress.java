package org.visionzero.producers.publish;

/**
 * Where a run stands.
 *
 * @param done          pairs handled so far (published or skipped)
 * @param total         pairs asked for
 * @param deadLettered  inputs sent to the dead letters so far
 * @param pairsPerSecond handling rate since the start
 */
public record Progress(long done, long total, long deadLettered, double pairsPerSecond) {

  /** Share of the asked pairs handled, 0..1 (1 when none were asked). */
  public double share() {
    return total == 0 ? 1 : Math.min(1, done / (double) total);
  }

  /** "15/30 pairs  12.5 pairs/s  2 dead letters". */
  public String summary() {
    return String.format(java.util.Locale.ROOT, "%d/%d pairs  %.1f pairs/s  %d dead letters", done, total,
        pairsPerSecond, deadLettered);
  }
}
