package org.visionzero.producers.bench;

import org.visionzero.producers.json.Json;

/** How fast one source made pairs (generate, encode PNG, hash, store both blobs). */
public record SourceThroughput(String source, int width, int height, long pairs, double seconds) {

  public double pairsPerSecond() {
    return seconds == 0 ? 0 : pairs / seconds;
  }

  public double millisPerPair() {
    return pairs == 0 ? 0 : seconds * 1000 / pairs;
  }

  String toJson() {
    return "{\"source\":" + Json.quote(source) + ",\"width\":" + width + ",\"height\":" + height
        + ",\"pairs\":" + pairs + ",\"seconds\":" + Json.decimals(seconds, 3)
        + ",\"pairsPerSecond\":" + Json.oneDecimal(pairsPerSecond())
        + ",\"millisPerPair\":" + Json.decimals(millisPerPair(), 2) + "}";
  }
}
