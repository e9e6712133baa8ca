package org.visionzero.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The compose deployment ({@code ops/deploy/compose.yaml}: 3 Kafka brokers, the vz image built from this tree,
 * Prometheus, Grafana) started as it is shipped, then the checks of {@link DeploymentChecks}; Prometheus must
 * scrape the pipeline. Skipped where there is no Docker engine: {@link DeploymentInJvmIT} runs the same checks on
 * the embedded broker.
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class DeploymentComposeIT {

  private static final int METRICS = 9400;
  private static final int PROMETHEUS = 9090;

  @Container
  static final ComposeContainer DEPLOYMENT = new ComposeContainer(new File("deploy/compose.yaml"))
      .withBuild(true)
      .withExposedService("pipeline", METRICS, Wait.forHttp("/metrics").forPort(METRICS)
          .withStartupTimeout(Duration.ofMinutes(10)))
      .withExposedService("prometheus", PROMETHEUS, Wait.forHttp("/-/ready").forPort(PROMETHEUS));

  @Test
  void shouldServeTheDashboardsMetricsWithWorkDoneAndBeScrapedByPrometheus() throws Exception {
    DeploymentChecks.assertDashboardUsesOnlyDefinedMeters();
    String metrics = "http://" + DEPLOYMENT.getServiceHost("pipeline", METRICS) + ":"
        + DEPLOYMENT.getServicePort("pipeline", METRICS) + "/metrics";
    String prometheus = "http://" + DEPLOYMENT.getServiceHost("prometheus", PROMETHEUS) + ":"
        + DEPLOYMENT.getServicePort("prometheus", PROMETHEUS);

    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() ->
        DeploymentChecks.assertMetricsFlow(DeploymentChecks.scrape(metrics)));
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(DeploymentChecks.scrape(prometheus + "/api/v1/query?query=up%7Bjob%3D%22vz-pipeline%22%7D"))
            .contains("\"value\":[").contains(",\"1\"]"));
  }
}
