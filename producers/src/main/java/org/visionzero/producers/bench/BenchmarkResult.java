package org.visionzero.producers.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.visionzero.json.Json;

/** The producers benchmark: throughput per source on this machine, one thread. */
public record BenchmarkResult(List<SourceThroughput> sources, int availableProcessors, String javaVersion) {

  public BenchmarkResult {
    sources = List.copyOf(sources);
  }

  public String toJson() {
    ObjectNode json = Json.object();
    json.put("benchmark", "producers");
    json.put("threads", 1);
    json.put("availableProcessors", availableProcessors);
    json.put("java", javaVersion);
    ArrayNode list = json.putArray("sources");
    sources.forEach(source -> list.add(source.toJson()));
    return Json.write(json);
  }
}
