package org.visionzero.producers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerBenchmarkTest {

  @TempDir
  Path work;

  @Test
  void shouldMeasureEverySourceAndReportJson() throws IOException {
    BenchmarkResult result = ProducerBenchmark.run(new ProducerBenchmark.Options(4, 128, 128, work));

    assertThat(result.sources()).extracting(SourceThroughput::source).containsExactly("scenes", "charts", "photos");
    assertThat(result.sources()).allSatisfy(s -> {
      assertThat(s.pairs()).isEqualTo(4);
      assertThat(s.pairsPerSecond()).isPositive();
    });
    assertThat(result.toJson()).startsWith("{\"benchmark\":\"producers\"").contains("\"source\":\"photos\"",
        "\"pairsPerSecond\":");
  }
}
