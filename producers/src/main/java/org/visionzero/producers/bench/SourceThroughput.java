package org.visionzero.producers.bench;

import org.visionzero.producers.json.Json;

/**
 * How fast one source made pairs (generate, encode PNG, hash, store both blobs).
 *
 * @param seconds    wall time
 * @param cpuSeconds         CPU time of the measuring thread: on a shared machine this is the fairer figure
 * @param generateCpuSeconds the part of it spent generating (render and PNG encoding), the rest is storing
 */
public record SourceThroughput(String source, int width, int height, long pairs, double seconds, double cpuSeconds,
                               double generateCpuSeconds) {

  public double pairsPerSecond() {
    return seconds == 0 ? 0 : pairs / seconds;
  }

  /** Pairs per second of CPU time: what one free core would do. */
  public double pairsPerCpuSecond() {
    return cpuSeconds == 0 ? 0 : pairs / cpuSeconds;
  }

  /** Pairs per second of CPU time spent generating only (without hashing and writing blob files). */
  public double generatedPairsPerCpuSecond() {
    return generateCpuSeconds == 0 ? 0 : pairs / generateCpuSeconds;
  }

  public double millisPerPair() {
    return pairs == 0 ? 0 : seconds * 1000 / pairs;
  }

  String toJson() {
    return "{\"source\":" + Json.quote(source) + ",\"width\":" + width + ",\"height\":" + height
        + ",\"pairs\":" + pairs + ",\"seconds\":" + Json.decimals(seconds, 3)
        + ",\"pairsPerSecond\":" + Json.oneDecimal(pairsPerSecond())
        + ",\"millisPerPair\":" + Json.decimals(millisPerPair(), 2)
        + ",\"cpuSeconds\":" + Json.decimals(cpuSeconds, 3)
        + ",\"pairsPerCpuSecond\":" + Json.oneDecimal(pairsPerCpuSecond())
        + ",\"generatedPairsPerCpuSecond\":" + Json.oneDecimal(generatedPairsPerCpuSecond()) + "}";
  }
}
