package org.visionzero.ops.serve;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.Policy;
import org.visionzero.policy.checkpoint.Checkpoint;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.workers.WorkerMetrics;
import org.visionzero.workers.checkpoint.CheckpointWatcher;
import org.visionzero.workers.checkpoint.Refusals;
import org.visionzero.workers.device.WorkerDevice;
import org.visionzero.workers.policy.CheckpointIndex;
import org.visionzero.workers.policy.CheckpointLoader;
import org.visionzero.workers.policy.PolicyFactory;
import org.visionzero.workers.policy.PolicyLoadException;
import org.visionzero.workers.policy.PolicyRegistry;
import org.visionzero.workers.policy.VersionKey;

/**
 * The model versions vz serve plays: the checkpoint file it started with, and, when it follows a Kafka cluster,
 * every version published on the checkpoint topic since (the worker's own {@link CheckpointWatcher} and
 * {@link PolicyRegistry}: newest version current, pinned older versions loaded on demand from the blob store).
 * Beside them, checkpoints loaded at run time under a name of their own ({@link #loadNamed}, what an outside trainer
 * does to a vLLM server with a LoRA adapter). Every method but {@link #models}, {@link #loadNamed} and
 * {@link #close} belongs to the inference thread.
 */
public final class ServedModels implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServedModels.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final PolicyRegistry registry;
  private final Optional<CheckpointWatcher> watcher;
  private final PolicyFactory factory;
  private final ConcurrentMap<String, Policy> named = new ConcurrentHashMap<>();
  private volatile List<String> names = List.of();

  private ServedModels(PolicyRegistry registry, Optional<CheckpointWatcher> watcher, PolicyFactory factory) {
    this.registry = registry;
    this.watcher = watcher;
    this.factory = factory;
  }

  /** Where to follow checkpoints: a cluster, its topic prefix and the shared blob store. */
  public record Following(String bootstrapServers, String topicPrefix, Path blobDir, Map<String, Object> clients) {}

  /**
   * Serves {@code checkpointFile} as the current version and, when {@code following} is given, the versions
   * published after it.
   */
  public static ServedModels start(Path checkpointFile, PolicyFactory factory, int maxLoaded,
      Optional<Following> following, MeterRegistry meters) throws Exception {
    byte[] bytes = Files.readAllBytes(checkpointFile);
    Checkpoint decoded = Checkpoints.decode(bytes, Checkpoints.sha256(bytes));
    String name = org.visionzero.policy.model.VzModel.POLICY_NAME;
    VersionKey first = new VersionKey(name, decoded.policyVersion());
    Policy initial = factory.load(first.toRef(), bytes, WorkerDevice.CPU);
    CheckpointIndex index = new CheckpointIndex();
    Path blobDir = following.map(Following::blobDir).orElse(checkpointFile.toAbsolutePath().getParent());
    CheckpointLoader loader = new CheckpointLoader(new FileBlobStore(blobDir), factory, WorkerDevice.CPU);
    PolicyRegistry registry = new PolicyRegistry(index, loader, maxLoaded);
    registry.stage(first, initial, Clock.systemUTC().instant());
    Optional<CheckpointWatcher> watcher = following.map(f -> startWatcher(f, index, loader, registry, meters));
    ServedModels models = new ServedModels(registry, watcher, factory);
    models.refresh();
    LOG.info("serving {} from {}", first, checkpointFile);
    return models;
  }

  private static CheckpointWatcher startWatcher(Following f, CheckpointIndex index, CheckpointLoader loader,
      PolicyRegistry registry, MeterRegistry meters) {
    Map<String, Object> props = new HashMap<>(f.clients());
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, f.bootstrapServers());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "vz-serve-checkpoints");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    CheckpointWatcher watcher = new CheckpointWatcher(
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
        TopicCatalog.of(f.topicPrefix()).checkpoints(), index, loader, registry, new Refusals(),
        new WorkerMetrics(meters, "vz-serve", "cpu"), "vz-serve", Clock.systemUTC());
    Thread thread = new Thread(watcher, "vz-serve-checkpoints");
    thread.setDaemon(true);
    thread.start();
    return watcher;
  }

  /** Makes newly loaded versions current (inference thread, between batches). */
  public void refresh() {
    for (PolicyRegistry.Swap swap : registry.applyStaged()) {
      LOG.info("now serving {} as current (was {})", swap.version(), swap.previous().map(v -> "v" + v).orElse("none"));
    }
    publishNames();
  }

  /**
   * The policy playing {@code ref} (version -1: current): a model loaded under that name, else the version of
   * the served policy, loading a pinned version if needed.
   */
  public Policy resolve(PolicyRef ref) throws PolicyLoadException {
    Policy loaded = named.get(ModelName.requested(ref));
    if (loaded != null) {
      return loaded;
    }
    Policy policy = registry.resolve(ref);
    publishNames();
    return policy;
  }

  /**
   * True when {@code ref} asks for a model loaded by {@link #loadNamed} (whose requests vz serve counts by name).
   */
  public boolean isNamed(PolicyRef ref) {
    return named.containsKey(ModelName.requested(ref));
  }

  /**
   * Serves the checkpoint in {@code file} under {@code name} from now on (any thread): an outside trainer's new
   * weights, which it then announces on the checkpoint topic as a version that names this model. A name is loaded
   * once; a name of the served policy's versions ({@code vz}, {@code vz-v3}) is refused.
   *
   * @throws IllegalArgumentException when the name is taken or not a model name, or the file is no checkpoint
   */
  public void loadNamed(String name, Path file) throws Exception {
    PolicyRef asked = ModelName.parse(name);
    if (factory.handles(asked.getName())) {
      throw new IllegalArgumentException("'" + name + "' names a version of the served policy '" + asked.getName()
          + "'; choose another name");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Checkpoint decoded;
    try {
      decoded = Checkpoints.decode(bytes, Checkpoints.sha256(bytes));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + " is not a vz checkpoint: " + e.getMessage(), e);
    }
    PolicyRef ref = new PolicyRef(org.visionzero.policy.model.VzModel.POLICY_NAME, decoded.policyVersion());
    Policy policy;
    try {
      policy = factory.load(ref, bytes, WorkerDevice.CPU);
    } catch (PolicyLoadException e) {
      throw new IllegalArgumentException(file + " cannot be served: " + e.getMessage(), e);
    }
    // Kept under the name as requests will ask for it ("a-v07" is asked for as "a-v7").
    if (named.putIfAbsent(ModelName.requested(asked), policy) != null) {
      policy.close();
      throw new IllegalArgumentException("a model named '" + name + "' is already served");
    }
    // The name list is the inference thread's to rebuild: it lists the new name after its next idle poll.
    LOG.info("serving {} as model '{}'", file, name);
  }

  /** Model names answered now (any thread): each held version, and each policy's bare name for its current one. */
  public List<String> models() {
    return names;
  }

  private void publishNames() {
    List<String> out = new ArrayList<>();
    registry.loadedVersions().stream().sorted(java.util.Comparator.comparing(VersionKey::name)
            .thenComparing(VersionKey::version))
        .forEach(v -> out.add(ModelName.of(v.toRef())));
    registry.loadedVersions().stream().map(VersionKey::name).distinct().sorted().forEach(out::add);
    named.keySet().stream().sorted().forEach(out::add);
    names = List.copyOf(out);
  }

  /** True once the followed topic has been read to its end (or when nothing is followed). */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return watcher.isEmpty() || watcher.get().awaitCaughtUp(timeout);
  }

  @Override
  public void close() {
    watcher.ifPresent(w -> {
      try {
        w.close(STOP_TIMEOUT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    registry.close();
    named.values().forEach(Policy::close);
  }
}
