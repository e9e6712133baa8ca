package org.visionzero.ops.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.topics.Topic;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running inside this JVM, with its data
 * in a directory that survives restarts; or, with {@link BrokerSettings#cluster()}, one node of a multi-node
 * cluster (each node its own process, as {@code vz chaos} starts them). The directory is locked for the broker's lifetime, so a second start
 * on it is refused before anything is touched.
 *
 * <pre>{@code
 * try (var broker = EmbeddedKafkaBroker.start(BrokerSettings.of(Path.of("vz-data"), 0))) {
 *   String bootstrap = broker.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  /** Sub-directory of the data dir that holds Kafka's logs and metadata. */
  public static final String LOG_DIR_NAME = "kafka-logs";
  /** The effective broker configuration, written on every start (usable by {@code kafka.Kafka}). */
  public static final String SERVER_PROPERTIES = "server.properties";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final String HOST = "localhost";
  private static final int NODE_ID = 1;
  // Internal topics of a single-node broker: one replica (a cluster's: ClusterMembership); few partitions keep the
  // first start fast.
  private static final int INTERNAL_TOPIC_PARTITIONS = 8;

  private final Path dataDir;
  private final int port;
  private final DataDirLock lock;
  private final KafkaRaftServer server;
  private boolean closed;

  private EmbeddedKafkaBroker(Path dataDir, int port, DataDirLock lock, KafkaRaftServer server) {
    this.dataDir = dataDir;
    this.port = port;
    this.lock = lock;
    this.server = server;
  }

  /** Locks the data dir, formats it on first use, and starts the broker; returns once it accepts clients. */
  public static EmbeddedKafkaBroker start(BrokerSettings settings) {
    Path dataDir = settings.dataDir().toAbsolutePath().normalize();
    DataDirLock lock = DataDirLock.acquire(dataDir);
    KafkaRaftServer server = null;
    try {
      int port = settings.port();
      if (port == BrokerSettings.PICK_FREE_PORT) {
        port = FreePorts.pick();
      } else if (settings.portIsDefault() && !FreePorts.isFree(port)) {
        int taken = port;
        port = FreePorts.pick();
        LOG.warn("port {} is in use (another Kafka?): the embedded broker uses port {} instead (set --port to "
            + "choose one)", taken, port);
      } else {
        FreePorts.requireFree(port);
      }
      int controllerPort = settings.cluster().map(ClusterMembership::controllerPort).orElseGet(FreePorts::pick);
      Properties props = brokerProperties(dataDir, port, controllerPort, settings);
      Path propsFile = writeServerProperties(dataDir, props);
      formatOnFirstUse(dataDir, propsFile,
          settings.cluster().map(ClusterMembership::clusterId).orElseGet(() -> Uuid.randomUuid().toString()));
      long startedAt = System.nanoTime();
      server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      LOG.info("Kafka broker started on {}:{} in {} ms, data in {}", HOST, port,
          Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), dataDir);
      return new EmbeddedKafkaBroker(dataDir, port, lock, server);
    } catch (RuntimeException e) {
      if (server != null) {
        shutdownQuietly(server);
      }
      lock.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Stops the broker cleanly (flushes logs, writes a clean-shutdown marker) and releases the data dir. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.shutdown();
      server.awaitShutdown();
      LOG.info("Kafka broker on {} stopped, data kept in {}", bootstrapServers(), dataDir);
    } finally {
      lock.close();
    }
  }

  static Properties brokerProperties(Path dataDir, int port, int controllerPort, BrokerSettings settings) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    int nodeId = settings.cluster().map(ClusterMembership::nodeId).orElse(NODE_ID);
    p.setProperty("node.id", String.valueOf(nodeId));
    // Static voters. A single voter's controller port may change between restarts of the same data dir; the
    // voters of a cluster are fixed by whoever starts it.
    p.setProperty("controller.quorum.voters", settings.cluster().map(cluster -> cluster.voters(HOST))
        .orElse(NODE_ID + "@" + HOST + ":" + controllerPort));
    p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", dataDir.resolve(LOG_DIR_NAME).toString());
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    // topics the catalog does not create (Streams changelogs, offsets, transaction state) roll small segments too,
    // so that compaction keeps them near their live size (a 3-minute run's changelogs were 120 MB, never compacted)
    String segmentBytes = Integer.toString(Topic.SEGMENT_BYTES);
    p.setProperty("log.segment.bytes", segmentBytes);
    p.setProperty("offsets.topic.segment.bytes", segmentBytes);
    p.setProperty("transaction.state.log.segment.bytes", segmentBytes);
    settings.cluster().ifPresent(cluster -> cluster.replicationProperties().forEach(p::setProperty));
    settings.overrides().forEach(p::setProperty);
    return p;
  }

  private static Path writeServerProperties(Path dataDir, Properties props) {
    Path file = dataDir.resolve(SERVER_PROPERTIES);
    try (OutputStream out = Files.newOutputStream(file)) {
      props.store(out, "Written by vz on every start of the embedded broker");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private static void formatOnFirstUse(Path dataDir, Path propsFile, String clusterId) {
    if (Files.exists(dataDir.resolve(LOG_DIR_NAME).resolve("meta.properties"))) {
      return;
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      status = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", propsFile.toString()}, out);
    }
    if (status != 0) {
      throw new IllegalStateException("Formatting Kafka storage in " + dataDir + " failed (status " + status + "): "
          + output.toString(StandardCharsets.UTF_8).strip());
    }
    LOG.info("Formatted new Kafka storage in {} (cluster id {})", dataDir, clusterId);
  }

  private static void shutdownQuietly(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("Broker did not shut down cleanly after a failed start: {}", e.toString());
    }
  }
}
