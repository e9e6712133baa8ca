package org.visionzero.ops.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.ops.broker.BrokerSettings;
import org.visionzero.ops.broker.DataDirInUseException;
import org.visionzero.ops.broker.EmbeddedKafkaBroker;
import org.visionzero.ops.config.ConfigLoader;
import org.visionzero.ops.config.ConfigSources;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.topics.TopicState;
import org.visionzero.topics.Topic;

/** {@code vz run} on the embedded default: broker, topics, data dir, and a second run refused. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VzRunIT {

  @TempDir
  Path dataDir;

  @Test
  void shouldStartBrokerAndCreateTopicsThenFindThemOnRestart() {
    VzRunConfig config = config(Map.of("data.dir", dataDir.toString(), "broker.port", "0", "metrics.port", "0"));

    try (VzRun run = VzRun.start(config)) {
      assertThat(run.dataDir()).contains(dataDir.toAbsolutePath().normalize());
      assertThat(run.metrics()).hasValueSatisfying(endpoint -> assertThat(endpoint.port()).isPositive());
      assertThat(run.topics()).extracting(TopicState::topic)
          .containsExactlyElementsOf(run.catalog().all().stream().map(Topic::name).toList());
      assertThat(run.topics()).extracting(TopicState::status).containsOnly(TopicState.CREATED);

      assertThatThrownBy(() -> VzRun.start(config)).isInstanceOf(DataDirInUseException.class);
    }

    try (VzRun again = VzRun.start(config)) {
      assertThat(again.topics()).extracting(TopicState::status).containsOnly(TopicState.EXISTS);
    }
  }

  @Test
  void shouldUseExternalClusterWithoutStartingABrokerWhenBootstrapServersAreGiven() {
    try (EmbeddedKafkaBroker external = EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir, 0));
        VzRun run = VzRun.start(config(Map.of("bootstrap.servers", external.bootstrapServers(),
            "topic.prefix", "external.", "data.dir", dataDir.resolve("unused").toString())))) {
      assertThat(run.dataDir()).isEmpty();
      assertThat(run.metrics()).isEmpty();
      assertThat(run.bootstrapServers()).isEqualTo(external.bootstrapServers());
      assertThat(run.topics()).extracting(TopicState::topic).allMatch(name -> name.startsWith("external."));
      assertThat(dataDir.resolve("unused")).doesNotExist();
    }
  }

  private static VzRunConfig config(Map<String, String> flags) {
    return ConfigLoader.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new,
        new ConfigSources(Optional.empty(), Map.of(), flags));
  }
}
