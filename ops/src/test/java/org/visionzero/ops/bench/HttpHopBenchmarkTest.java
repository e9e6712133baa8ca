package org.visionzero.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.ops.run.ShippedV0;

class HttpHopBenchmarkTest {
  @TempDir
  Path dir;

  @Test
  void p99IsTheValueBelowWhichNinetyNinePercentLie() {
    long[] nanos = new long[200];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = (i + 1) * 1_000_000L;
    }

    assertThat(HttpHopBenchmark.p99Millis(nanos)).isEqualTo(198.0);
    assertThat(HttpHopBenchmark.p99Millis(new long[] {5_000_000L})).isEqualTo(5.0);
  }

  @Test
  void givenTheShippedModel_thenBothPathsAreMeasuredAndReportedAsRatios() throws Exception {
    List<HttpHopBenchmark.Row> rows = HttpHopBenchmark.run(ShippedV0.bytes(), List.of(1, 9), 3, dir);

    assertThat(rows).extracting(HttpHopBenchmark.Row::batchSize).containsExactly(1, 9);
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.inJvmTurnsPerSecond()).isPositive();
      assertThat(row.httpTurnsPerSecond()).isPositive();
      assertThat(row.httpP99Ms()).isPositive();
    });
    JsonNode json = new ObjectMapper().readTree(HttpHopBenchmark.toJson(rows, 3));
    assertThat(json.path("batchSizes").get(1).path("throughputRatio").asDouble()).isPositive();
  }
}
