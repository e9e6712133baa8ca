package org.visionzero.workers.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.Vocabulary;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.workers.WorkerMetrics;
import org.visionzero.workers.device.WorkerDevice;
import org.visionzero.workers.policy.CheckpointIndex;
import org.visionzero.workers.policy.CheckpointLoader;
import org.visionzero.workers.policy.PolicyRegistry;
import org.visionzero.workers.policy.ScriptedCheckpoint;
import org.visionzero.workers.policy.ScriptedPolicyFactory;
import org.visionzero.workers.policy.VersionKey;

class CheckpointWatcherTest {
  private static final Topic<String, CheckpointPublished> TOPIC = TopicCatalog.of("t.").checkpoints();
  private static final TopicPartition P0 = new TopicPartition(TOPIC.name(), 0);
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  private final Refusals refusals = new Refusals();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private FileBlobStore blobs;
  private PolicyRegistry registry;
  private CheckpointWatcher watcher;
  private long nextOffset;

  @BeforeEach
  void setUp() {
    blobs = new FileBlobStore(dir);
    CheckpointIndex index = new CheckpointIndex();
    CheckpointLoader loader =
        new CheckpointLoader(blobs, new ScriptedPolicyFactory(Vocabulary.standard()), WorkerDevice.CPU);
    registry = new PolicyRegistry(index, loader, 4);
    watcher = new CheckpointWatcher(consumer, TOPIC, index, loader, registry, refusals,
        new WorkerMetrics(meters, "w1", "cpu"), "w1", Clock.systemUTC());
    consumer.updatePartitions(TOPIC.name(),
        List.of(new PartitionInfo(TOPIC.name(), 0, Node.noNode(), new Node[0], new Node[0])));
    consumer.updateBeginningOffsets(Map.of(P0, 0L));
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    watcher.close(WAIT);
  }

  private ConsumerRecord<byte[], byte[]> published(int version, BlobRef blob) {
    CheckpointPublished event = CheckpointPublished.newBuilder()
        .setEventId("checkpoint/random/" + version).setOccurredAt(Instant.now())
        .setPolicy(new PolicyRef("random", version)).setCheckpoint(blob).setTrainerStep(version)
        .setParentVersion(version - 1).setArchitecture("scripted/random").build();
    return new ConsumerRecord<>(TOPIC.name(), 0, nextOffset++, "random".getBytes(StandardCharsets.UTF_8),
        TOPIC.valueSerde().serializer().serialize(TOPIC.name(), event));
  }

  private BlobRef store(int version) throws Exception {
    return blobs.put(new ScriptedCheckpoint("random", version).toBytes(), ScriptedCheckpoint.MEDIA_TYPE);
  }

  private void startWith(List<ConsumerRecord<byte[], byte[]>> records) {
    consumer.updateEndOffsets(Map.of(P0, (long) records.size()));
    consumer.schedulePollTask(() -> records.forEach(consumer::addRecord));
    Thread thread = new Thread(watcher, "watcher-under-test");
    thread.setDaemon(true);
    thread.start();
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("condition not met within %s", WAIT).isBefore(deadline);
      Thread.sleep(5);
    }
  }

  @Test
  void shouldStageOnlyTheNewestPublishedVersionAndReportCaughtUp() throws Exception {
    startWith(List.of(published(1, store(1)), published(2, store(2))));

    assertThat(watcher.awaitCaughtUp(WAIT)).isTrue();
    waitUntil(() -> registry.highestVersion("random") == 2);

    assertThat(registry.applyStaged()).singleElement()
        .satisfies(swap -> assertThat(swap.version()).isEqualTo(new VersionKey("random", 2)));
    assertThat(refusals.isEmpty()).isTrue();
  }

  @Test
  void givenAVersionFromTheFutureWithoutABlobBesideAGoodOne_whenRead_thenTheBadIsRefusedAndTheGoodLoaded()
      throws Exception {
    String missing = "f".repeat(64);
    BlobRef nowhere = new BlobRef(FileBlobStore.URI_PREFIX + missing, missing, ScriptedCheckpoint.MEDIA_TYPE, 9L);

    startWith(List.of(published(1, store(1)), published(1_000_000, nowhere)));

    assertThat(watcher.awaitCaughtUp(WAIT)).isTrue();
    waitUntil(() -> registry.highestVersion("random") == 1);
    assertThat(refusals.drain()).singleElement()
        .satisfies(d -> assertThat(d.getError()).contains("is not in the blob store"));
    assertThat(registry.applyStaged()).singleElement()
        .satisfies(swap -> assertThat(swap.version()).isEqualTo(new VersionKey("random", 1)));
  }

  @Test
  void shouldRefuseTamperedCheckpointAndKeepTheVersionItHas() throws Exception {
    BlobRef good = store(1);
    BlobRef tampered = store(2);
    Files.write(blobs.localPath(tampered).orElseThrow(), new ScriptedCheckpoint("random", 7).toBytes());
    startWith(List.of(published(1, good)));
    assertThat(watcher.awaitCaughtUp(WAIT)).isTrue();
    waitUntil(() -> registry.highestVersion("random") == 1);
    registry.applyStaged();

    consumer.schedulePollTask(() -> consumer.addRecord(published(2, tampered)));
    waitUntil(() -> !refusals.isEmpty());

    List<DeadLetter> refused = refusals.drain();
    assertThat(refused).singleElement().satisfies(d -> {
      assertThat(d.getReference()).isEqualTo(tampered.getUri());
      assertThat(d.getError()).contains("sha256").contains("refusing");
    });
    assertThat(registry.applyStaged()).isEmpty();
    assertThat(registry.currentVersion("random")).contains(1);
    assertThat(meters.counter(WorkerMetrics.REFUSED_CHECKPOINTS, "worker", "w1", "device", "cpu").count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldRefuseUndecodableCheckpointRecord() throws Exception {
    ConsumerRecord<byte[], byte[]> junk = new ConsumerRecord<>(TOPIC.name(), 0, nextOffset++,
        "random".getBytes(StandardCharsets.UTF_8), "junk".getBytes(StandardCharsets.UTF_8));
    startWith(List.of(junk));

    waitUntil(() -> !refusals.isEmpty());

    assertThat(refusals.drain()).singleElement()
        .satisfies(d -> assertThat(d.getError()).contains("cannot decode CheckpointPublished"));
  }

  @Test
  void shouldLoadOnlyCheckpointsSignedWithTheKeyWhenCheckpointsAreSigned() throws Exception {
    CheckpointSignature signature = CheckpointSignature.withKey(KEY);
    watcher = signedWatcher(signature);
    ConsumerRecord<byte[], byte[]> signed = signed(published(1, store(1)), signature);
    ConsumerRecord<byte[], byte[]> unsigned = published(2, store(2));
    ConsumerRecord<byte[], byte[]> forged = signed(published(3, store(3)),
        CheckpointSignature.withKey("another key of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8)));
    startWith(List.of(signed, unsigned, forged));

    waitUntil(() -> registry.highestVersion("random") == 1);
    List<DeadLetter> refused = new ArrayList<>();
    waitUntil(() -> refused.addAll(refusals.drain()) && refused.size() >= 2 || refused.size() >= 2);

    assertThat(refused).extracting(DeadLetter::getError).satisfiesExactly(
        unsignedError -> assertThat(unsignedError).contains("UntrustedCheckpointException").contains("unsigned"),
        forgedError -> assertThat(forgedError).contains("signature does not match"));
    assertThat(registry.highestVersion("random")).isEqualTo(1);
  }

  private static final byte[] KEY = "a key of at least thirty-two bytes, for tests".getBytes(StandardCharsets.UTF_8);

  /** A watcher that checks signatures, in place of the unstarted one of {@link #setUp}. */
  private CheckpointWatcher signedWatcher(CheckpointSignature signature) {
    CheckpointIndex index = new CheckpointIndex();
    CheckpointLoader loader =
        new CheckpointLoader(blobs, new ScriptedPolicyFactory(Vocabulary.standard()), WorkerDevice.CPU);
    registry = new PolicyRegistry(index, loader, 4);
    return new CheckpointWatcher(consumer, TOPIC, index, loader, registry, refusals,
        new WorkerMetrics(meters, "w1", "cpu"), "w1", Clock.systemUTC(), signature);
  }

  private static ConsumerRecord<byte[], byte[]> signed(ConsumerRecord<byte[], byte[]> record,
      CheckpointSignature signature) {
    record.headers().add(CheckpointSignature.HEADER, signature.sign(record.key(), record.value()).orElseThrow());
    return record;
  }
}
