package org.visionzero.producers.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.visionzero.json.Json;

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

  ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("source", source);
    json.put("width", width);
    json.put("height", height);
    json.put("pairs", pairs);
    json.put("seconds", Json.round(seconds, 3));
    json.put("pairsPerSecond", Json.round(pairsPerSecond(), 1));
    json.put("millisPerPair", Json.round(millisPerPair(), 2));
    json.put("cpuSeconds", Json.round(cpuSeconds, 3));
    json.put("pairsPerCpuSecond", Json.round(pairsPerCpuSecond(), 1));
    json.put("generatedPairsPerCpuSecond", Json.round(generatedPairsPerCpuSecond(), 1));
    return json;
  }
}
