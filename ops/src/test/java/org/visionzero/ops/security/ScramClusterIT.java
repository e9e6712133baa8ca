package org.visionzero.ops.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.ops.broker.BrokerSettings;
import org.visionzero.ops.broker.EmbeddedKafkaBroker;
import org.visionzero.ops.cli.Vz;
import org.visionzero.ops.config.ConfigLoader;
import org.visionzero.ops.config.ConfigSources;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.run.Pipeline;
import org.visionzero.ops.run.ScriptedRuntime;
import org.visionzero.ops.run.VzRun;
import org.visionzero.ops.progress.MeterTotals;
import org.visionzero.ops.topics.TopicProvisioner;
import org.visionzero.streams.coordinator.CoordinatorMetrics;
import org.visionzero.topics.TopicCatalog;
import picocli.CommandLine;

/**
 * The in-JVM KRaft broker with a SASL_PLAINTEXT SCRAM-SHA-512 listener and the standard authorizer (ops/SECURITY.md):
 * the whole pipeline (producer, coordinator and scorer on Kafka Streams, a worker, evaluator) plays through it from
 * one client.properties file; wrong credentials stop a command with a clear error; a worker's principal may not
 * write checkpoints, the trainer's may.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ScramClusterIT {

  private static final String MECHANISM = "SCRAM-SHA-512";
  private static final Map<String, String> USERS = Map.of("vz", "vz-secret", "worker", "worker-secret",
      "trainer", "trainer-secret");

  @TempDir
  static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static String saslServers;

  @BeforeAll
  static void startBrokerWithScramAndAcls() throws Exception {
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    int plain = freePort();
    int sasl = freePort();
    int controller = freePort();
    String host = "127.0.0.1";
    saslServers = host + ":" + sasl;
    Map<String, String> overrides = new HashMap<>();
    // PLAINTEXT stays for the broker itself (inter-broker, this test's set-up as a super user); clients use SASL
    overrides.put("listeners", "PLAINTEXT://" + host + ":" + plain + ",SASL_PLAINTEXT://" + saslServers
        + ",CONTROLLER://" + host + ":" + controller);
    overrides.put("advertised.listeners", "PLAINTEXT://" + host + ":" + plain + ",SASL_PLAINTEXT://" + saslServers);
    overrides.put("listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
    overrides.put("controller.quorum.voters", "1@" + host + ":" + controller);
    overrides.put("sasl.enabled.mechanisms", MECHANISM);
    overrides.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    overrides.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    overrides.put("super.users", "User:ANONYMOUS;User:vz");
    broker = EmbeddedKafkaBroker.start(new BrokerSettings(dir.resolve("broker"), plain, overrides));
    try (Admin admin = superAdmin()) {
      admin.alterUserScramCredentials(USERS.entrySet().stream().map(user -> (org.apache.kafka.clients.admin
          .UserScramCredentialAlteration) new UserScramCredentialUpsertion(user.getKey(),
          new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), user.getValue())).toList()).all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void shouldRunThePipelineThroughScramFromOneClientPropertiesFile() throws Exception {
    Path clientProperties = clientProperties("vz", USERS.get("vz"));
    String prefix = "scram-pipeline.";

    assertThat(vz("topics", "create", "--config", clientProperties.toString(), "--topic-prefix", prefix))
        .as("vz topics create over SASL").isZero();

    Map<String, String> flags = new HashMap<>();
    flags.put("data.dir", dir.resolve("run").toString());
    flags.put("topic.prefix", prefix);
    flags.put(VzRunConfig.POLICY, VzRunConfig.POLICY_RANDOM);
    flags.put(VzRunConfig.PRODUCE_COUNT, "200");
    flags.put(VzRunConfig.EVAL_GAMES_PER_ARM, "2");
    VzRunConfig config = ConfigLoader.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new,
        new ConfigSources(Optional.of(clientProperties), Map.of(), flags));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (VzRun run = VzRun.start(config)) {
      Pipeline pipeline = Pipeline.start(run, config, new ScriptedRuntime(), registry, line -> { });

      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
          MeterTotals.counter(registry, CoordinatorMetrics.GAMES_COMPLETED) >= 3);

      pipeline.finish(Pipeline.End.STOP_REQUESTED, false, Map.of());
    }
  }

  @Test
  void givenAWrongPassword_whenACommandConnects_thenItStopsWithAnAuthenticationError() throws Exception {
    StringWriter err = new StringWriter();

    int status = vz(err, "topics", "describe", "--config", clientProperties("vz", "not-the-password").toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("Authentication failed").contains("invalid credentials")
        .contains(MECHANISM).contains("SECURITY.md");
  }

  @Test
  void givenTheDocumentedAcls_thenAWorkerCannotWriteCheckpointsButTheTrainerCan() throws Exception {
    TopicCatalog catalog = TopicCatalog.of("scram-acl.");
    String checkpoints = catalog.checkpoints().name();
    String gameEvents = catalog.gameEvents().name();
    try (Admin admin = superAdmin()) {
      new TopicProvisioner(admin, Duration.ofSeconds(30)).create(catalog);
      admin.createAcls(List.of(
          allow("trainer", checkpoints, AclOperation.WRITE),
          allow("worker", checkpoints, AclOperation.READ),
          allow("worker", gameEvents, AclOperation.WRITE))).all().get(30, TimeUnit.SECONDS);
    }

    // createAcls returns before the authorizer applies them: the allowed writes may be refused for a moment.
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
        .untilAsserted(() -> send("trainer", checkpoints));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
        .untilAsserted(() -> send("worker", gameEvents));
    assertThatThrownBy(() -> send("worker", checkpoints))
        .hasCauseInstanceOf(TopicAuthorizationException.class)
        .hasMessageContaining(checkpoints);
  }

  private static AclBinding allow(String user, String topic, AclOperation operation) {
    return new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
        new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
  }

  private static void send(String user, String topic) throws ExecutionException, InterruptedException,
      java.util.concurrent.TimeoutException {
    Map<String, Object> props = new HashMap<>(saslClient(user, USERS.get(user)));
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, "k".getBytes(StandardCharsets.UTF_8),
          "v".getBytes(StandardCharsets.UTF_8))).get(20, TimeUnit.SECONDS);
    }
  }

  private static Map<String, Object> saslClient(String user, String password) {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, saslServers,
        "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", MECHANISM, "sasl.jaas.config", jaas(user, password));
  }

  private static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
        + "\" password=\"" + password + "\";";
  }

  /** The one file every command and component reads its security settings from (ops/SECURITY.md). */
  private static Path clientProperties(String user, String password) throws IOException {
    Path file = Files.createTempFile(dir, "client-" + user, ".properties");
    Files.writeString(file, "bootstrap.servers=" + saslServers + "\n"
        + "security.protocol=SASL_PLAINTEXT\n"
        + "sasl.mechanism=" + MECHANISM + "\n"
        + "sasl.jaas.config=" + jaas(user, password) + "\n");
    return file;
  }

  private static Admin superAdmin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  private static int vz(String... args) {
    return vz(new StringWriter(), args);
  }

  private static int vz(StringWriter err, String... args) {
    CommandLine commandLine = Vz.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
