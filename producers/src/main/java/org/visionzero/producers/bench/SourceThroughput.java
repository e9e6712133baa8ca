package org.visionzero.producers.bench;

import org.visionzero.producers.json.Json;

/**
 * How fast one source made pairs (generate, encode PNG, hash, store both blobs).
 *
 * @param seconds    wall time
 * @param cpuSeconds CPU time of the measuring thread: on a shared machine this is the fairer figure
 */
public record SourceThroughput(String source, int width, int height, long pairs, double seconds, double cpuSeconds) {

  public double pairsPerSecond() {
    return seconds == 0 ? 0 : pairs / seconds;
  }

  /** Pairs per second of CPU time: what one free core would do. */
  public double pairsPerCpuSecond() {
    return cpuSeconds == 0 ? 0 : pairs / cpuSeconds;
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
        + ",\"pairsPerCpuSecond\":" + Json.oneDecimal(pairsPerCpuSecond()) + "}";
  }
}
