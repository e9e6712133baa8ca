package org.visionzero.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.visionzero.workers.device.DeviceChoice;

class WorkerConfigTest {

  private static Map<String, Object> minimal() {
    Map<String, Object> props = new HashMap<>();
    props.put(WorkerConfig.BOOTSTRAP_SERVERS, "localhost:9092");
    props.put(WorkerConfig.BLOB_STORE_DIR, "/tmp/blobs");
    return props;
  }

  @Test
  void shouldApplyDefaultsWhenOnlyRequiredSettingsGiven() {
    WorkerConfig config = new WorkerConfig(minimal());

    assertThat(config.groupId()).isEqualTo("vz-workers");
    assertThat(config.batchMaxSize()).isEqualTo(WorkerConfig.DEFAULT_BATCH_MAX_SIZE);
    assertThat(config.batchMaxWait()).isEqualTo(Duration.ofMillis(WorkerConfig.DEFAULT_BATCH_MAX_WAIT_MS));
    assertThat(config.device()).isEqualTo(DeviceChoice.AUTO);
    assertThat(config.topics().turnRequests().name()).isEqualTo("vz.turn-requests");
    assertThat(config.workerId()).matches("[A-Za-z0-9._-]+");
  }

  @Test
  void shouldReadSceneFactsFromImagePairsOnlyWhenAsked() {
    Map<String, Object> props = minimal();
    assertThat(new WorkerConfig(props).sceneFactsFromImagePairs()).isFalse();

    props.put(WorkerConfig.SCENE_FACTS, "image-pairs");
    assertThat(new WorkerConfig(props).sceneFactsFromImagePairs()).isTrue();

    props.put(WorkerConfig.SCENE_FACTS, "scene-graphs");
    assertThatThrownBy(() -> new WorkerConfig(props)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(WorkerConfig.SCENE_FACTS);
  }

  @Test
  void shouldRefuseZeroBatchSizeWithTheSettingName() {
    Map<String, Object> props = minimal();
    props.put(WorkerConfig.BATCH_MAX_SIZE, "0");

    assertThatThrownBy(() -> new WorkerConfig(props)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(WorkerConfig.BATCH_MAX_SIZE);
  }

  @Test
  void shouldRefuseUnknownDeviceListingTheAcceptedOnes() {
    Map<String, Object> props = minimal();
    props.put(WorkerConfig.DEVICE, "tpu");

    assertThatThrownBy(() -> new WorkerConfig(props)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("auto, cpu, gpu");
  }

  @Test
  void shouldAcceptDeviceInAnyCase() {
    Map<String, Object> props = minimal();
    props.put(WorkerConfig.DEVICE, "GPU");

    assertThat(new WorkerConfig(props).device()).isEqualTo(DeviceChoice.GPU);
  }

  @Test
  void shouldRequireBootstrapServersAndBlobStore() {
    assertThatThrownBy(() -> new WorkerConfig(Map.of(WorkerConfig.BLOB_STORE_DIR, "/tmp/b")))
        .isInstanceOf(ConfigException.class).hasMessageContaining(WorkerConfig.BOOTSTRAP_SERVERS);
    assertThatThrownBy(() -> new WorkerConfig(Map.of(WorkerConfig.BOOTSTRAP_SERVERS, "h:1")))
        .isInstanceOf(ConfigException.class).hasMessageContaining(WorkerConfig.BLOB_STORE_DIR);
  }

  @Test
  void shouldRefuseWorkerIdThatCannotNameATransaction() {
    Map<String, Object> props = minimal();
    props.put(WorkerConfig.WORKER_ID, "worker one");

    assertThatThrownBy(() -> new WorkerConfig(props)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(WorkerConfig.WORKER_ID);
  }

  @Test
  void shouldPassClientSettingsThroughWithConsumerAndProducerOverridesWinning() {
    Map<String, Object> props = minimal();
    props.put("client.request.timeout.ms", "5000");
    props.put("consumer.session.timeout.ms", "6000");
    props.put("producer.transaction.timeout.ms", "10000");
    props.put("producer.request.timeout.ms", "7000");
    WorkerConfig config = new WorkerConfig(props);

    assertThat(config.consumerOverrides()).containsEntry("request.timeout.ms", "5000")
        .containsEntry("session.timeout.ms", "6000").doesNotContainKey("transaction.timeout.ms");
    assertThat(config.producerOverrides()).containsEntry("request.timeout.ms", "7000")
        .containsEntry("transaction.timeout.ms", "10000");
  }

  @Test
  void shouldKeepExactlyOnceSettingsEvenWhenOverridden() {
    Map<String, Object> props = minimal();
    props.put(WorkerConfig.WORKER_ID, "w1");
    props.put("consumer.enable.auto.commit", "true");
    props.put("consumer.isolation.level", "read_uncommitted");
    WorkerConfig config = new WorkerConfig(props);

    assertThat(WorkerApp.turnConsumerProps(config, "w1")).containsEntry("enable.auto.commit", false)
        .containsEntry("isolation.level", "read_committed").containsEntry("group.id", "vz-workers");
    assertThat(WorkerApp.producerProps(config, "w1")).containsEntry("transactional.id", "vz-worker-w1");
    assertThat(WorkerApp.wholeTopicConsumerProps(config, "w1-checkpoints")).doesNotContainKey("group.id");
  }

  @Test
  void givenTheInJvmBackend_thenNoRemoteSettings() {
    assertThat(new WorkerConfig(minimal()).remoteBackend(name -> "k")).isEmpty();
  }

  @Test
  void givenTheOpenAiBackend_thenTheKeyComesFromTheNamedVariableAndIsNeverPrinted() {
    Map<String, Object> props = minimal();
    props.put(WorkerConfig.POLICY_BACKEND, "openai");
    props.put(WorkerConfig.OPENAI_BASE_URL, "http://127.0.0.1:8000/v1");
    props.put(WorkerConfig.OPENAI_API_KEY_ENV, "MY_KEY");
    props.put(WorkerConfig.OPENAI_MAX_IN_FLIGHT, "7");
    WorkerConfig config = new WorkerConfig(props);

    var settings = config.remoteBackend(name -> name.equals("MY_KEY") ? "sk-very-secret" : null).orElseThrow();

    assertThat(settings.apiKey()).isEqualTo("sk-very-secret");
    assertThat(settings.maxInFlight()).isEqualTo(7);
    assertThat(settings.modelFor(new org.visionzero.events.PolicyRef("vz", 12))).isEqualTo("vz-v12");
    assertThat(settings.toString()).doesNotContain("sk-very-secret");
    assertThat(config.remotePolicies()).containsExactly("vz");
    assertThat(WorkerApp.withBackend(config, new org.visionzero.workers.policy.ScriptedPolicyFactory(
        org.visionzero.policy.Vocabulary.standard())).toString()).doesNotContain("sk-very-secret");
  }

  @Test
  void givenTheOpenAiBackendWithoutAUrl_thenTheErrorSaysWhatToSet() {
    Map<String, Object> props = minimal();
    props.put(WorkerConfig.POLICY_BACKEND, "openai");
    WorkerConfig config = new WorkerConfig(props);

    assertThatThrownBy(() -> config.remoteBackend(name -> null)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(WorkerConfig.OPENAI_BASE_URL);
  }
}
