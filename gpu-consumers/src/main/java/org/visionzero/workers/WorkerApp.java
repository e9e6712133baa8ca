package org.visionzero.workers;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.blob.BlobStore;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.deadletter.DeadLetterPublisher;
import org.visionzero.events.TurnRequested;
import org.visionzero.serde.AvroSerdes;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.workers.checkpoint.CheckpointWatcher;
import org.visionzero.workers.checkpoint.Refusals;
import org.visionzero.workers.device.CudaGpuProbe;
import org.visionzero.workers.device.DevicePlanner;
import org.visionzero.workers.device.WorkerDevice;
import org.visionzero.workers.image.ImageCache;
import org.visionzero.workers.policy.CheckpointIndex;
import org.visionzero.workers.policy.CheckpointLoader;
import org.visionzero.workers.policy.PolicyFactory;
import org.visionzero.workers.policy.PolicyRegistry;
import org.visionzero.workers.policy.RemotePolicyFactory;

/**
 * A worker process: one {@link Worker} per device (each with its own checkpoint watcher and policy versions),
 * all in the same consumer group.
 *
 * <pre>{@code
 * try (WorkerApp app = WorkerApp.start(config, new ScriptedPolicyFactory(Vocabulary.standard()),
 *     SceneFactsProvider.NONE, meterRegistry)) {
 *   app.awaitTermination();   // until close() from a shutdown hook, or a fatal error
 * }
 * }</pre>
 */
public final class WorkerApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerApp.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final String TRANSACTIONAL_ID_PREFIX = "vz-worker-";
  private static final AutoCloseable NOTHING = () -> { };

  private final List<Instance> instances;
  private final AutoCloseable factsSource;

  private record Instance(Worker worker, Thread workerThread, CheckpointWatcher watcher, PolicyRegistry policies,
      List<KafkaClientMetrics> clientMetrics) {}

  private WorkerApp(List<Instance> instances, AutoCloseable factsSource) {
    this.instances = List.copyOf(instances);
    this.factsSource = factsSource;
  }

  /**
   * Starts the workers with the ground truth {@code scene.facts} asks for: none, or the scene graphs of the
   * image-pair topic (so that the oracle can play).
   */
  public static WorkerApp start(WorkerConfig config, PolicyFactory factory, MeterRegistry meters)
      throws InterruptedException {
    if (!config.sceneFactsFromImagePairs()) {
      return start(config, factory, SceneFactsProvider.NONE, meters);
    }
    ImagePairFacts facts = new ImagePairFacts(
        new KafkaConsumer<>(wholeTopicConsumerProps(config, config.workerId() + "-pairs"),
            new ByteArrayDeserializer(), new ByteArrayDeserializer()),
        config.topics().imagePairs(), ImagePairFacts.DEFAULT_CAPACITY).start();
    try {
      WorkerApp app = start(config, factory, facts, meters);
      return new WorkerApp(app.instances, facts);
    } catch (RuntimeException | InterruptedException e) {
      facts.close();
      throw e;
    }
  }

  /** Starts a worker per device of {@code config.device()}, once each has read the published checkpoints. */
  public static WorkerApp start(WorkerConfig config, PolicyFactory factory, SceneFactsProvider facts,
      MeterRegistry meters) throws InterruptedException {
    return start(config, factory, facts, meters, new DevicePlanner(new CudaGpuProbe()));
  }

  public static WorkerApp start(WorkerConfig config, PolicyFactory factory, SceneFactsProvider facts,
      MeterRegistry meters, DevicePlanner devices) throws InterruptedException {
    Objects.requireNonNull(factory, "factory");
    PolicyFactory policies = withBackend(config, factory);
    List<WorkerDevice> plan = devices.plan(config.device());
    BlobStore blobs = new FileBlobStore(config.blobStoreDir());
    List<Instance> started = new ArrayList<>();
    try {
      for (WorkerDevice device : plan) {
        String workerId = plan.size() == 1 ? config.workerId() : config.workerId() + "-" + device.label();
        started.add(startInstance(config, workerId, device, blobs, policies, facts, meters));
      }
    } catch (RuntimeException | InterruptedException e) {
      new WorkerApp(started, NOTHING).close();
      throw e;
    }
    return new WorkerApp(started, NOTHING);
  }

  /** The local factory, or (policy.backend=openai) the remote backend for the configured policy names over it. */
  static PolicyFactory withBackend(WorkerConfig config, PolicyFactory local) {
    return config.remoteBackend(System::getenv).<PolicyFactory>map(settings -> {
      LOG.info("policies {} are played remotely: {}", config.remotePolicies(), settings);
      return new RemotePolicyFactory(local, config.remotePolicies(), settings);
    }).orElse(local);
  }

  private static Instance startInstance(WorkerConfig config, String workerId, WorkerDevice device,
      BlobStore blobs, PolicyFactory factory, SceneFactsProvider facts, MeterRegistry meters)
      throws InterruptedException {
    Clock clock = Clock.systemUTC();
    TopicCatalog topics = config.topics();
    WorkerMetrics metrics = new WorkerMetrics(meters, workerId, device.label());
    CheckpointIndex index = new CheckpointIndex();
    CheckpointLoader loader = new CheckpointLoader(blobs, factory, device);
    PolicyRegistry policies = new PolicyRegistry(index, loader, config.maxLoadedVersions());
    metrics.bindLoadedVersions(policies::loadedCount);
    Refusals refusals = new Refusals();

    CheckpointWatcher watcher = new CheckpointWatcher(
        new KafkaConsumer<>(wholeTopicConsumerProps(config, workerId + "-checkpoints"),
            new ByteArrayDeserializer(), new ByteArrayDeserializer()),
        topics.checkpoints(), index, loader, policies, refusals, metrics, workerId, clock,
        CheckpointSignature.fromEnvironment(System.getenv()));
    Thread watcherThread = new Thread(watcher, workerId + "-checkpoints");
    watcherThread.setDaemon(true);
    watcherThread.start();
    if (!watcher.awaitCaughtUp(config.checkpointCatchUpTimeout())) {
      LOG.warn("{}: checkpoints not read within {}; serving base versions until they are", workerId,
          config.checkpointCatchUpTimeout());
    }

    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(config, workerId),
        new ByteArraySerializer(), new ByteArraySerializer());
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(turnConsumerProps(config, workerId),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<KafkaClientMetrics> clientMetrics =
        List.of(new KafkaClientMetrics(consumer), new KafkaClientMetrics(producer));
    clientMetrics.forEach(m -> m.bindTo(meters));
    DeadLetterPublisher deadLetters = new DeadLetterPublisher(producer, topics.deadLetters());
    TurnHandler handler = new TurnHandler(workerId, AvroSerdes.of(TurnRequested.class), topics.gameEvents(),
        deadLetters, policies, new ImageCache(blobs, config.imageCacheSize()), facts, metrics, clock);
    Worker worker = new Worker(workerId, topics.turnRequests().name(), consumer, producer, handler, policies,
        refusals, deadLetters, config.batchMaxSize(), config.batchMaxWait(), metrics, clock);
    Thread workerThread = new Thread(worker, workerId);
    workerThread.start();
    LOG.info("{}: started on {} in group {}", workerId, device.label(), config.groupId());
    return new Instance(worker, workerThread, watcher, policies, clientMetrics);
  }

  /** Consumer of turn requests: manual commits through the transaction, committed data only. */
  static Map<String, Object> turnConsumerProps(WorkerConfig config, String workerId) {
    Map<String, Object> p = new HashMap<>(config.consumerOverrides());
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, workerId);
    p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchMaxSize());
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    // Exactly-once depends on these two: they are not overridable.
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    return p;
  }

  /** Consumer of a topic read whole (checkpoints, image pairs): no group, from the beginning, committed only. */
  static Map<String, Object> wholeTopicConsumerProps(WorkerConfig config, String clientId) {
    Map<String, Object> p = new HashMap<>(config.consumerOverrides());
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    return p;
  }

  /** Transactional producer of answers and dead letters; its id is unique per worker instance. */
  static Map<String, Object> producerProps(WorkerConfig config, String workerId) {
    Map<String, Object> p = new HashMap<>(config.producerOverrides());
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ProducerConfig.CLIENT_ID_CONFIG, workerId + "-answers"); // distinct from the consumer's, for metrics
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID_PREFIX + workerId);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    // A transaction is small and flushed at commit, so pipelining buys little; one request in flight keeps a
    // retried first write (NOT_LEADER on a new partition) from turning into a fatal out-of-order sequence.
    p.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    return p;
  }

  public List<String> workerIds() {
    return instances.stream().map(i -> i.worker().workerId()).toList();
  }

  /** Blocks until every worker has stopped (after {@link #close} or a fatal error). */
  public void awaitTermination() throws InterruptedException {
    for (Instance instance : instances) {
      instance.workerThread().join();
    }
  }

  /** True while every worker is running. */
  public boolean isRunning() {
    return instances.stream().allMatch(i -> i.workerThread().isAlive());
  }

  /** Errors that stopped workers, if any. */
  public List<Throwable> failures() {
    return instances.stream().map(i -> i.worker().failure()).filter(Objects::nonNull).toList();
  }

  /** Graceful stop: each worker finishes its batch in hand, commits, and leaves the group. */
  @Override
  public void close() {
    instances.forEach(i -> i.worker().stop());
    for (Instance instance : instances) {
      try {
        if (!instance.worker().awaitStopped(STOP_TIMEOUT)) {
          LOG.warn("{}: did not stop within {}", instance.worker().workerId(), STOP_TIMEOUT);
        }
        instance.watcher().close(STOP_TIMEOUT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        instance.clientMetrics().forEach(KafkaClientMetrics::close);
        instance.policies().close();
      }
    }
    try {
      factsSource.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("scene facts reader did not close cleanly: {}", e.toString());
    }
  }
}
