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
}
