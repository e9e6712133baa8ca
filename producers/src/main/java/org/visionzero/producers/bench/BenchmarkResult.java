package org.visionzero.producers.bench;

import java.util.List;
import java.util.stream.Collectors;
import org.visionzero.producers.json.Json;

/** The producers benchmark: throughput per source on this machine, one thread. */
public record BenchmarkResult(List<SourceThroughput> sources, int availableProcessors, String javaVersion) {

  public BenchmarkResult {
    sources = List.copyOf(sources);
  }

  public String toJson() {
    return "{\"benchmark\":\"producers\",\"threads\":1,\"availableProcessors\":" + availableProcessors
        + ",\"java\":" + Json.quote(javaVersion) + ",\"sources\":["
        + sources.stream().map(SourceThroughput::toJson).collect(Collectors.joining(",")) + "]}";
  }
}
