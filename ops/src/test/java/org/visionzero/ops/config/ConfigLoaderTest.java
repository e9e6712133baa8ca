package org.visionzero.ops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.topics.TopicCatalog;

class ConfigLoaderTest {

  @TempDir
  Path dir;

  @Test
  void shouldUseDefaultsWhenNothingIsGiven() {
    VzRunConfig config = load(Optional.empty(), Map.of(), Map.of());

    assertThat(config.getString(BrokerSettingsDef.DATA_DIR)).isEqualTo(BrokerSettingsDef.DEFAULT_DATA_DIR);
    assertThat(config.getInt(BrokerSettingsDef.BROKER_PORT)).isEqualTo(BrokerSettingsDef.DEFAULT_BROKER_PORT);
    assertThat(config.usesEmbeddedBroker()).isTrue();
    assertThat(config.topicCatalog().prefix()).isEqualTo("vz.");
    assertThat(config.topicCatalog().gamePartitions()).isEqualTo(TopicCatalog.DEFAULT_GAME_PARTITIONS);
  }

  @Test
  void shouldLetFileOverrideDefaultsEnvironmentOverrideFileAndFlagsOverrideAll() throws IOException {
    Path file = write("broker.port=1111\ndata.dir=from-file\ntopic.prefix=file.\n");

    VzRunConfig config = load(Optional.of(file),
        Map.of("VZ_BROKER_PORT", "2222", "VZ_DATA_DIR", "from-env"),
        Map.of(BrokerSettingsDef.DATA_DIR, "from-flag"));

    assertThat(config.topicCatalog().prefix()).isEqualTo("file.");
    assertThat(config.getInt(BrokerSettingsDef.BROKER_PORT)).isEqualTo(2222);
    assertThat(config.getString(BrokerSettingsDef.DATA_DIR)).isEqualTo("from-flag");
  }

  @Test
  void shouldNameSettingOriginAndAllowedValuesWhenPortIsOutOfRange() {
    assertThatThrownBy(() -> load(Optional.empty(), Map.of("VZ_BROKER_PORT", "70000"), Map.of()))
        .isInstanceOf(VzConfigException.class)
        .hasMessageContaining("'70000'")
        .hasMessageContaining("'broker.port'")
        .hasMessageContaining("environment variable VZ_BROKER_PORT")
        .hasMessageContaining("[0,...,65535]");
  }

  @Test
  void shouldAcceptAZeroEvaluationIntervalButRefuseANegativeOne() {
    assertThat(load(Optional.empty(), Map.of(), Map.of(VzRunConfig.EVAL_INTERVAL, "0s")).evalInterval())
        .isZero();
    assertThat(load(Optional.empty(), Map.of(), Map.of()).evalInterval()).hasSeconds(90);
    assertThatThrownBy(() -> load(Optional.empty(), Map.of(), Map.of(VzRunConfig.EVAL_INTERVAL, "-5s")))
        .isInstanceOf(VzConfigException.class)
        .hasMessageContaining("eval.interval")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void shouldRejectBootstrapServersWithoutPort() {
    assertThatThrownBy(() -> load(Optional.empty(), Map.of(), Map.of(KafkaSettings.BOOTSTRAP_SERVERS, "kafka-1")))
        .isInstanceOf(VzConfigException.class)
        .hasMessageContaining("'kafka-1' is not host:port")
        .hasMessageContaining("the command line");
  }

  @Test
  void shouldRejectUnknownSecurityProtocolFromFile() throws IOException {
    Path file = write("security.protocol=SASL_PLAINTEXTT\n");

    assertThatThrownBy(() -> load(Optional.of(file), Map.of(), Map.of()))
        .isInstanceOf(VzConfigException.class)
        .hasMessageContaining("security.protocol")
        .hasMessageContaining("config file " + file)
        .hasMessageContaining("SASL_SSL");
  }

  @Test
  void shouldStopWithFixWhenConfigFileIsMissing() {
    Path missing = dir.resolve("nope.properties");

    assertThatThrownBy(() -> load(Optional.of(missing), Map.of(), Map.of()))
        .isInstanceOf(VzConfigException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("--config");
  }

  @Test
  void shouldPassSecurityAndClientSettingsOfFileToEveryClient() throws IOException {
    Path file = write("""
        bootstrap.servers=kafka-1:9093,kafka-2:9093
        security.protocol=SASL_SSL
        sasl.mechanism=SCRAM-SHA-512
        sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="p";
        ssl.truststore.location=/etc/kafka/truststore.jks
        kafka.client.client.dns.lookup=use_all_dns_ips
        """);

    Map<String, Object> client = load(Optional.of(file), Map.of(), Map.of()).clientProperties().asMap();

    assertThat(client)
        .containsEntry("bootstrap.servers", "kafka-1:9093,kafka-2:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.jks")
        .containsEntry("client.dns.lookup", "use_all_dns_ips")
        .doesNotContainKey("ssl.keystore.location");
    assertThat(client.get("sasl.jaas.config")).isInstanceOf(Password.class);
    assertThat(((Password) client.get("sasl.jaas.config")).value()).contains("ScramLoginModule");
  }

  @Test
  void givenOneClientPropertiesFile_whenACommandDoesNotDefineTheSecurityKeys_thenTheyGoToItsClients()
      throws IOException {
    Path file = write("""
        security.protocol=SASL_SSL
        sasl.mechanism=SCRAM-SHA-512
        kafka.client.sasl.mechanism=PLAIN
        ssl.truststore.location=/etc/kafka/truststore.jks
        """);
    ConfigDef withoutSecurity = new ConfigDef().define("bootstrap.servers", ConfigDef.Type.STRING,
        "localhost:9092", ConfigDef.Importance.HIGH, "servers");

    Map<String, Object> values = ConfigLoader.load(withoutSecurity, v -> new AbstractConfig(withoutSecurity, v, false),
        new ConfigSources(Optional.of(file), Map.of(), Map.of())).originals();

    assertThat(values)
        .containsEntry("kafka.client.security.protocol", "SASL_SSL")
        .containsEntry("kafka.client.ssl.truststore.location", "/etc/kafka/truststore.jks")
        .containsEntry("kafka.client.sasl.mechanism", "PLAIN")
        .doesNotContainKey("security.protocol");
  }

  @Test
  void shouldRefuseClientPropertiesWhenNoClusterIsConfigured() {
    KafkaClientProperties embeddedOnly = load(Optional.empty(), Map.of(), Map.of()).clientProperties();

    assertThatThrownBy(embeddedOnly::asMap)
        .isInstanceOf(VzConfigException.class)
        .hasMessageContaining("--bootstrap-servers");
    assertThat(embeddedOnly.withBootstrapServers("localhost:1234").asMap())
        .containsEntry("bootstrap.servers", "localhost:1234");
  }

  @Test
  void shouldMapSettingKeysToVzEnvironmentNames() {
    assertThat(ConfigLoader.environmentName("sasl.jaas.config")).isEqualTo("VZ_SASL_JAAS_CONFIG");
  }

  private VzRunConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> flags) {
    return ConfigLoader.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new, new ConfigSources(file, env, flags));
  }

  private Path write(String content) throws IOException {
    Path file = dir.resolve("vz.properties");
    Files.writeString(file, content);
    return file;
  }
}
