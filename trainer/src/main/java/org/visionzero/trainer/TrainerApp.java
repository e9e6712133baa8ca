package org.visionzero.trainer;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.trainer.inputs.BlobPairImages;
import org.visionzero.trainer.loop.StreamingSettings;
import org.visionzero.trainer.loop.StreamingTrainer;
import org.visionzero.trainer.loop.TopicCheckpointLocator;
import org.visionzero.trainer.loop.TrainerCheckpoints;
import org.visionzero.trainer.state.TrainerState;
import org.visionzero.trainer.step.Learner;

/**
 * {@code vz trainer}: the streaming trainer as its own process against any cluster. {@link #start} builds the
 * clients (read_committed consumers, a transactional producer whose id is derived from the run id so a restart
 * fences the previous process), restores the run's newest checkpoint and trains on a background thread until
 * the configured steps are done or {@link #close} is called.
 */
public final class TrainerApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrainerApp.class);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<byte[], byte[]> trajectories;
  private final KafkaConsumer<byte[], byte[]> checkpoints;
  private final KafkaConsumer<byte[], byte[]> pairs;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Learner learner;
  private final StreamingTrainer trainer;
  private final Thread thread;
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean running = true;

  private TrainerApp(TrainerConfig config, LearnerFactory learners, MeterRegistry registry) throws Exception {
    String runId = config.runId();
    TopicCatalog topics = config.topics();
    FileBlobStore blobs = new FileBlobStore(config.blobDir());
    trajectories = new KafkaConsumer<>(consumerProps(config, "vz-trainer-" + runId, "trajectories"));
    checkpoints = new KafkaConsumer<>(consumerProps(config, null, "checkpoints"));
    pairs = new KafkaConsumer<>(consumerProps(config, null, "pairs"));
    producer = new KafkaProducer<>(producerProps(config));
    learner = learners.create(config, new BlobPairImages(pairs, topics.imagePairs(), blobs, METADATA_TIMEOUT));
    StreamingSettings settings = new StreamingSettings(runId, config.policyName(), config.rules(),
        config.gamesPerStep(), config.stalenessBound(), config.checkpointEvery(), config.totalSteps(),
        config.schedule(), config.pollTimeout(), config.stepOptions());
    CheckpointSignature signature = CheckpointSignature.fromEnvironment(System.getenv());
    trainer = new StreamingTrainer(settings, topics, trajectories, producer,
        new TopicCheckpointLocator(checkpoints, topics.checkpoints(), METADATA_TIMEOUT, signature),
        new TrainerCheckpoints(blobs, learner, config.policyName(), runId), learner, Clock.systemUTC(), registry,
        signature);
    thread = new Thread(this::loop, "vz-trainer-" + runId);
  }

  /** Builds the clients, restores the run and starts training in the background. */
  public static TrainerApp start(TrainerConfig config, LearnerFactory learners, MeterRegistry registry)
      throws Exception {
    Objects.requireNonNull(config, "config");
    TrainerApp app = new TrainerApp(config, learners, Objects.requireNonNull(registry, "registry"));
    try {
      app.trainer.start();
    } catch (Exception | Error e) {
      app.closeClients();
      throw e;
    }
    app.thread.start();
    return app;
  }

  private void loop() {
    try {
      trainer.run(() -> running);
    } catch (WakeupException e) {
      LOG.info("trainer stopped on request");
    } catch (Throwable t) {
      failure.set(t);
      LOG.error("trainer failed; restart it to resume from its newest checkpoint", t);
    } finally {
      done.countDown();
    }
  }

  /** Waits until the run finished, failed or was closed; true when it ended within the timeout. */
  public boolean await(Duration timeout) throws InterruptedException {
    return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** True when every configured step is done and its final checkpoint written. */
  public boolean finished() {
    return trainer.finished();
  }

  /** Why the trainer stopped, if it failed. */
  public Throwable failure() {
    return failure.get();
  }

  /** The trainer state after the latest step (read from the training thread's last update). */
  public TrainerState state() {
    return trainer.state();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    trajectories.wakeup();
    if (!done.await(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.warn("trainer thread did not stop within {}", CLOSE_TIMEOUT);
    }
    closeClients();
  }

  private void closeClients() {
    closeQuietly(trajectories::close);
    closeQuietly(checkpoints::close);
    closeQuietly(pairs::close);
    closeQuietly(producer::close);
    if (learner != null) {
      closeQuietly(learner::close);
    }
  }

  private static void closeQuietly(Runnable close) {
    try {
      close.run();
    } catch (RuntimeException e) {
      LOG.warn("error while closing: {}", e.getMessage());
    }
  }

  private static Map<String, Object> consumerProps(TrainerConfig config, String groupId, String purpose) {
    Map<String, Object> props = new HashMap<>(config.kafkaOverrides());
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "vz-trainer-" + config.runId() + "-" + purpose);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    if (groupId != null) {
      // Offsets are only committed with checkpoints (inside the transaction), for lag monitoring; the
      // checkpoint, not the group, is the source of truth on resume.
      props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    }
    return props;
  }

  private static Map<String, Object> producerProps(TrainerConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaOverrides());
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "vz-trainer-" + config.runId());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "vz-trainer-" + config.runId() + "-producer");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return props;
  }
}
