package org.visionzero.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
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

  @Test
  void shouldListenOnLoopbackOnlyUnlessAskedOtherwise() throws Exception {
    try (MetricsEndpoint loopback = MetricsEndpoint.start(0);
        MetricsEndpoint everywhere = MetricsEndpoint.start("0.0.0.0", 0)) {
      assertThat(InetAddress.getByName(loopback.host()).isLoopbackAddress()).as(loopback.host()).isTrue();
      assertThat(InetAddress.getByName(everywhere.host()).isAnyLocalAddress()).as(everywhere.host()).isTrue();
    }
  }
}
