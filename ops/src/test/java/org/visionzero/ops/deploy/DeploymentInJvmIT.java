package org.visionzero.ops.deploy;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.ops.broker.BrokerSettings;
import org.visionzero.ops.broker.EmbeddedKafkaBroker;
import org.visionzero.ops.config.ConfigLoader;
import org.visionzero.ops.config.ConfigSources;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.metrics.MetricsEndpoint;
import org.visionzero.ops.run.Pipeline;
import org.visionzero.ops.run.PolicyRuntimes;
import org.visionzero.ops.run.VzRun;

/**
 * The in-JVM twin of {@link DeploymentComposeIT}: the same checks, with the compose file's "pipeline" service ({@code
 * vz run} on an existing cluster, metrics served) run here against the embedded broker standing in for the cluster.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DeploymentInJvmIT {

  @TempDir
  Path dir;

  @BeforeAll
  static void createTheTemporaryDirectoryRocksDbUnpacksInto() throws Exception {
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
  }

  @Test
  void shouldServeTheDashboardsMetricsWithWorkDoneOnAnExistingCluster() throws Exception {
    DeploymentChecks.assertDashboardUsesOnlyDefinedMeters();
    try (EmbeddedKafkaBroker cluster = EmbeddedKafkaBroker.start(BrokerSettings.of(dir.resolve("cluster"), 0))) {
      VzRunConfig config = config(cluster.bootstrapServers());
      try (VzRun run = VzRun.start(config)) {
        Pipeline pipeline = Pipeline.start(run, config, PolicyRuntimes.forConfig(config),
            run.metrics().orElseThrow().registry(), line -> { });
        String url = run.metrics().map(MetricsEndpoint::url).orElseThrow();

        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
            DeploymentChecks.assertMetricsFlow(DeploymentChecks.scrape(url)));

        pipeline.finish(Pipeline.End.STOP_REQUESTED, false, Map.of());
      }
    }
  }

  private VzRunConfig config(String bootstrapServers) {
    Map<String, String> flags = new HashMap<>();
    flags.put("bootstrap.servers", bootstrapServers);
    flags.put("data.dir", dir.resolve("vz").toString());
    flags.put("metrics.port", "0");
    flags.put(VzRunConfig.GAMES_PER_STEP, "4");
    flags.put(VzRunConfig.EVAL_GAMES_PER_ARM, "4");
    flags.put(VzRunConfig.PROGRESS_INTERVAL, "10s");
    return ConfigLoader.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new,
        new ConfigSources(Optional.empty(), Map.of(), flags));
  }
}
