package org.visionzero.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

  @Test
  void shouldServeRegisteredMetersInPrometheusFormat() throws Exception {
    try (MetricsEndpoint endpoint = MetricsEndpoint.start(0)) {
      endpoint.registry().counter("vz.turns.completed", "purpose", "training").increment(3);

      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(endpoint.url())).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .contains("vz_turns_completed_total{purpose=\"training\"} 3.0")
          .contains("jvm_memory_used_bytes");
    }
  }
}
