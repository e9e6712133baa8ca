package org.visionzero.trainer.loop;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.deadletter.DeadLetterPublisher;
import org.visionzero.deadletter.DeadLetters;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TrainingEvent;
import org.visionzero.events.TrainingStepCompleted;
import org.visionzero.game.reward.RaeBaselines;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.trainer.batch.ConsumedTrajectory;
import org.visionzero.trainer.batch.StepBatch;
import org.visionzero.trainer.batch.TrajectoryBatcher;
import org.visionzero.trainer.batch.ConsumedGames;
import org.visionzero.trainer.batch.TrajectoryCheck;
import org.visionzero.trainer.core.StepReport;
import org.visionzero.trainer.core.TrainerCore;
import org.visionzero.trainer.phase.IterativeSpoControl;
import org.visionzero.trainer.sample.StalenessFilter;
import org.visionzero.trainer.state.TrainerState;
import org.visionzero.trainer.step.Learner;

/**
 * The trainer on the stream: reads {@code vz.trajectories} (read_committed), takes a step per batch, and
 * publishes every step's events in one Kafka transaction; every K steps that transaction also carries the
 * {@code CheckpointPublished} and the consumed offsets, written after the checkpoint blob is stored.
 *
 * <p>Exact resume: the checkpoint holds the offsets of the first record not trained into its weights. On start
 * the trainer loads the newest checkpoint of its run and seeks there, so the steps after it are redone from
 * the same records (their events carry the same deterministic ids) and no record is trained twice into the
 * surviving weights, nor skipped. The producer's transactional id fences a zombie of the previous process.
 */
public final class StreamingTrainer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingTrainer.class);
  private static final String COMPONENT = "trainer";

  private final StreamingSettings settings;
  private final Consumer<byte[], byte[]> consumer;
  private final Producer<byte[], byte[]> producer;
  private final CheckpointLocator locator;
  private final TrainerCheckpoints checkpoints;
  private final Learner learner;
  private final Topic<String, ScoredTrajectory> trajectories;
  private final Topic<String, TrainingEvent> training;
  private final Topic<String, CheckpointPublished> checkpointTopic;
  private final DeadLetterPublisher deadLetters;
  private final ConsumedGames consumed = new ConsumedGames();
  private final Clock clock;
  private final TrainerMetrics metrics;
  private final CheckpointSignature signature;
  private TrainerCore core;
  private TrajectoryBatcher batcher;
  private boolean checkpointedLastStep = true;

  public StreamingTrainer(StreamingSettings settings, TopicCatalog topics, Consumer<byte[], byte[]> consumer,
      Producer<byte[], byte[]> producer, CheckpointLocator locator, TrainerCheckpoints checkpoints, Learner learner,
      Clock clock, MeterRegistry registry) {
    this(settings, topics, consumer, producer, locator, checkpoints, learner, clock, registry,
        CheckpointSignature.off());
  }

  /**
   * @param signature signs the checkpoint events this trainer publishes (off: unsigned)
   */
  public StreamingTrainer(StreamingSettings settings, TopicCatalog topics, Consumer<byte[], byte[]> consumer,
      Producer<byte[], byte[]> producer, CheckpointLocator locator, TrainerCheckpoints checkpoints, Learner learner,
      Clock clock, MeterRegistry registry, CheckpointSignature signature) {
    this.signature = Objects.requireNonNull(signature, "signature");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.producer = Objects.requireNonNull(producer, "producer");
    this.locator = Objects.requireNonNull(locator, "locator");
    this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    this.learner = Objects.requireNonNull(learner, "learner");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.trajectories = topics.trajectories();
    this.training = topics.training();
    this.checkpointTopic = topics.checkpoints();
    this.deadLetters = new DeadLetterPublisher(producer, topics.deadLetters());
    this.metrics = new TrainerMetrics(registry, settings.runId());
  }

  /** Fences older instances, restores the newest checkpoint of the run (if any) and positions the consumer. */
  public TrainerState start() throws IOException {
    producer.initTransactions();
    Optional<CheckpointPublished> latest = locator.latest(settings.policyName(), settings.runId());
    TrainerState state;
    if (latest.isPresent()) {
      state = checkpoints.restore(latest.get());
      LOG.info("resuming run {} from {} at step {} with offsets {}", settings.runId(), latest.get().getEventId(),
          state.step(), state.offsets());
    } else {
      state = TrainerState.initial(0, RaeBaselines.initial(settings.rules().raeAlpha()),
          IterativeSpoControl.start(settings.rules()).state());
      LOG.info("starting run {} from the base model", settings.runId());
    }
    core = new TrainerCore(state, IterativeSpoControl.restore(settings.rules(), state.phase()),
        new StalenessFilter(settings.policyName(), settings.stalenessBound()), settings.schedule(), learner,
        settings.checkpointEvery(), settings.stepOptions());
    batcher = new TrajectoryBatcher(settings.gamesPerStep(), state.offsets());
    position(state);
    return state;
  }

  private void position(TrainerState state) {
    List<TopicPartition> partitions = consumer.partitionsFor(trajectories.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    if (partitions.isEmpty()) {
      throw new IllegalStateException("topic " + trajectories.name() + " does not exist: create the topics first");
    }
    consumer.assign(partitions);
    for (TopicPartition partition : partitions) {
      Long offset = state.offsets().get(partition.partition());
      if (offset == null) {
        consumer.seekToBeginning(List.of(partition));
      } else {
        consumer.seek(partition, offset);
      }
    }
  }

  /** True once the configured number of steps is done (and the final checkpoint written). */
  public boolean finished() {
    return core != null && core.state().step() >= settings.totalSteps() && checkpointedLastStep;
  }

  /** Polls once and takes every step the records complete; returns true when the run is finished. */
  public boolean pollOnce() {
    requireStarted();
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(settings.pollTimeout())) {
      if (core.state().step() >= settings.totalSteps()) {
        break;
      }
      Optional<ScoredTrajectory> game = decode(record);
      if (game.isEmpty()) {
        batcher.skip(record.partition(), record.offset());
        continue;
      }
      Optional<StepBatch> batch = batcher.offer(new ConsumedTrajectory(record.partition(), record.offset(),
          game.get()));
      batch.ifPresent(this::step);
    }
    if (core.state().step() >= settings.totalSteps() && !checkpointedLastStep) {
      inTransaction(() -> writeCheckpoint(core.state()));
    }
    return finished();
  }

  /** Runs until finished or until {@code keepRunning} says stop. */
  public void run(BooleanSupplier keepRunning) {
    while (keepRunning.getAsBoolean() && !pollOnce()) {
      // pollOnce does the work
    }
  }

  public TrainerState state() {
    requireStarted();
    return core.state();
  }

  private void step(StepBatch batch) {
    long started = System.nanoTime();
    StepReport report = core.step(batch);
    Instant now = clock.instant();
    String runId = settings.runId();
    inTransaction(() -> {
      send(training, runId, TrainingEvent.newBuilder()
          .setEventId(runId + "/step/" + report.completed().getStep())
          .setOccurredAt(now).setRunId(runId).setPayload(report.completed()).build());
      report.phaseChanged().ifPresent(change -> send(training, runId, TrainingEvent.newBuilder()
          .setEventId(runId + "/phase/" + change.getStep())
          .setOccurredAt(now).setRunId(runId).setPayload(change).build()));
      if (report.checkpointDue()) {
        writeCheckpoint(report.state());
      }
    });
    checkpointedLastStep = report.checkpointDue();
    metrics.step(report.completed(), Duration.ofNanos(System.nanoTime() - started));
    TrainingStepCompleted c = report.completed();
    if (LOG.isDebugEnabled()) {
      LOG.debug(String.format(Locale.ROOT,
          "step %d phase %s applied=%s games=%d samples=%d loss=%.4f kl=%.4f clip=%.3f lag=%.2f acc=%.3f na=%.3f",
          c.getStep(), c.getPhase(), c.getApplied(), c.getGames(), c.getSamples(), c.getLoss(), c.getKl(),
          c.getClipFraction(), c.getMeanStaleness(), c.getDecisionAccuracy(), c.getNaRate()));
    }
  }

  /** Inside an open transaction: stores the blob, sends the event and commits the offsets with it. */
  private void writeCheckpoint(TrainerState afterStep) {
    TrainerCheckpoints.Written written;
    try {
      written = checkpoints.write(afterStep, clock.instant());
    } catch (IOException e) {
      throw new UncheckedIOException("could not store the checkpoint of step " + afterStep.step(), e);
    }
    producer.send(signature.signed(new ProducerRecord<>(checkpointTopic.name(),
        checkpointTopic.keySerde().serializer().serialize(checkpointTopic.name(), settings.policyName()),
        checkpointTopic.valueSerde().serializer().serialize(checkpointTopic.name(), written.event()))));
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    afterStep.offsets().forEach((partition, offset) ->
        offsets.put(new TopicPartition(trajectories.name(), partition), new OffsetAndMetadata(offset)));
    if (!offsets.isEmpty()) {
      producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
    }
    core.checkpointWritten(written.continueWith());
    checkpointedLastStep = true;
    metrics.checkpoint();
    LOG.debug("checkpoint {} at step {} ({} bytes, sha256 {})", written.event().getEventId(), afterStep.step(),
        written.event().getCheckpoint().getSize(), written.event().getCheckpoint().getSha256());
  }

  private Optional<ScoredTrajectory> decode(ConsumerRecord<byte[], byte[]> record) {
    try {
      ScoredTrajectory game = trajectories.valueSerde().deserializer().deserialize(record.topic(), record.value());
      if (game == null) {
        throw new IllegalArgumentException("empty record (tombstone) where a trajectory was expected");
      }
      TrajectoryCheck.validate(game);
      Optional<String> first = consumed.firstReadAt(game.getEventId(), record.partition(), record.offset());
      if (first.isPresent()) {
        throw new InvalidRecordException("duplicate-trajectory", "trajectory " + game.getEventId()
            + " was already consumed at partition@offset " + first.get() + ": a replay is not trained twice");
      }
      return Optional.of(game);
    } catch (RuntimeException e) {
      LOG.warn("dead-lettering {}/{}/{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
      inTransaction(() -> deadLetters.publish(DeadLetters.forRecord(COMPONENT, record, e, clock.instant())));
      metrics.deadLetter();
      return Optional.empty();
    }
  }

  private <V> void send(Topic<String, V> topic, String key, V value) {
    producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
        topic.valueSerde().serializer().serialize(topic.name(), value)));
  }

  private void inTransaction(Runnable work) {
    producer.beginTransaction();
    try {
      work.run();
      producer.commitTransaction();
    } catch (RuntimeException e) {
      // Fenced or failed: nothing of this step is visible; the process stops and a restart resumes exactly.
      try {
        producer.abortTransaction();
      } catch (RuntimeException abortFailure) {
        e.addSuppressed(abortFailure);
      }
      throw e;
    }
  }

  private void requireStarted() {
    if (core == null) {
      throw new IllegalStateException("call start() first");
    }
  }

  @Override
  public void close() {
    // The clients and the learner belong to the caller, which closes them.
  }
}
