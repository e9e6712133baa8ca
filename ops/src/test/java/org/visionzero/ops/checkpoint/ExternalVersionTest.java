package org.visionzero.ops.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.remote.RemoteModelCheckpoint;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

class ExternalVersionTest {
  private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
  private static final BlobRef MODEL_BLOB = blob("c");

  @Test
  void givenNoEarlierVersion_thenTheEventNamesTheModelBlobAsARemoteModelWithoutParent() {
    CheckpointPublished event = ExternalVersion.event("outside", 0, MODEL_BLOB, Optional.empty(), Optional.empty(),
        0, "", NOW);

    assertThat(event.getEventId()).isEqualTo("checkpoint/outside/0");
    assertThat(event.getPolicy()).isEqualTo(new PolicyRef("outside", 0));
    assertThat(event.getCheckpoint()).isEqualTo(MODEL_BLOB);
    assertThat(event.getArchitecture()).isEqualTo(RemoteModelCheckpoint.ARCHITECTURE);
    assertThat(event.getParentVersion()).isEqualTo(-1);
    assertThat(event.getRunId()).isEqualTo(ExternalVersion.DEFAULT_RUN_ID);
    assertThat(event.getHistory()).isEmpty();
  }

  @Test
  void givenALatestVersion_thenTheNewOneFollowsItAndKeepsEveryEarlierBlobInItsHistory() {
    CheckpointPublished latest = ExternalVersion.event("outside", 4, blob("b"), Optional.of(
        ExternalVersion.event("outside", 2, blob("a"), Optional.empty(), Optional.empty(), 0, "r", NOW)),
        Optional.empty(), 10, "r", NOW);

    CheckpointPublished next = ExternalVersion.event("outside", 5, MODEL_BLOB, Optional.of(latest), Optional.empty(),
        20, "r", NOW);
    CheckpointPublished branched = ExternalVersion.event("outside", 6, MODEL_BLOB, Optional.of(latest),
        Optional.of(2), 20, "r", NOW);

    assertThat(next.getParentVersion()).isEqualTo(4);
    assertThat(next.getHistory()).isEqualTo(Map.of("2", blob("a"), "4", blob("b")));
    assertThat(next.getTrainerStep()).isEqualTo(20);
    assertThat(branched.getParentVersion()).isEqualTo(2);
  }

  @Test
  void givenAVersionNotAboveTheLatest_thenItIsRefusedWithTheVersionToUse() {
    CheckpointPublished latest = ExternalVersion.event("outside", 4, blob("b"), Optional.empty(), Optional.empty(),
        0, "", NOW);

    assertThatThrownBy(() -> ExternalVersion.check("outside", 4, Optional.of(latest)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("publish version 5 or higher");
    assertThatThrownBy(() -> ExternalVersion.check("outside", -1, Optional.empty()))
        .hasMessageContaining(">= 0");
    assertThatThrownBy(() -> ExternalVersion.check(" ", 1, Optional.empty()))
        .hasMessageContaining("policy name");
  }

  @Test
  void givenASigningKey_thenTheRecordCarriesAMacThatWorkersAccept() {
    Topic<String, CheckpointPublished> topic = TopicCatalog.of("vz.").checkpoints();
    CheckpointPublished event = ExternalVersion.event("outside", 1, MODEL_BLOB, Optional.empty(), Optional.empty(),
        0, "", NOW);
    CheckpointSignature key = CheckpointSignature.withKey("k".repeat(32).getBytes(StandardCharsets.UTF_8));
    CheckpointSignature otherKey = CheckpointSignature.withKey("o".repeat(32).getBytes(StandardCharsets.UTF_8));

    ProducerRecord<byte[], byte[]> signed = ExternalVersionPublisher.record(topic, event, key);
    ProducerRecord<byte[], byte[]> unsigned = ExternalVersionPublisher.record(topic, event,
        CheckpointSignature.off());

    byte[] mac = signed.headers().lastHeader(CheckpointSignature.HEADER).value();
    assertThat(new String(signed.key(), StandardCharsets.UTF_8)).isEqualTo("outside");
    assertThat(key.problem(signed.key(), signed.value(), mac)).isEmpty();
    assertThat(otherKey.problem(signed.key(), signed.value(), mac)).isPresent();
    assertThat(unsigned.headers().lastHeader(CheckpointSignature.HEADER)).isNull();
    assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), signed.value())).isEqualTo(event);
  }

  @Test
  void givenSigningOn_whenReadingTheLatestVersion_thenOnlyRecordsWhoseSignatureChecksOutCount() {
    Topic<String, CheckpointPublished> topic = TopicCatalog.of("vz.").checkpoints();
    CheckpointPublished event = ExternalVersion.event("outside", 1, MODEL_BLOB, Optional.empty(), Optional.empty(),
        0, "", NOW);
    CheckpointSignature key = CheckpointSignature.withKey("k".repeat(32).getBytes(StandardCharsets.UTF_8));
    ProducerRecord<byte[], byte[]> signed = ExternalVersionPublisher.record(topic, event, key);
    ProducerRecord<byte[], byte[]> unsigned = ExternalVersionPublisher.record(topic, event,
        CheckpointSignature.off());
    byte[] forgedValue = ExternalVersionPublisher.record(topic, ExternalVersion.event("outside", 9, MODEL_BLOB,
        Optional.empty(), Optional.empty(), 0, "", NOW), CheckpointSignature.off()).value();
    ConsumerRecord<byte[], byte[]> forged = consumed(signed.key(), forgedValue, signed.headers());

    assertThat(ExternalVersionPublisher.trusted(key).test(consumed(signed.key(), signed.value(), signed.headers())))
        .isTrue();
    assertThat(ExternalVersionPublisher.trusted(key).test(consumed(unsigned.key(), unsigned.value(),
        unsigned.headers()))).isFalse();
    assertThat(ExternalVersionPublisher.trusted(key).test(forged)).isFalse();
    assertThat(ExternalVersionPublisher.trusted(CheckpointSignature.off()).test(forged)).isTrue();
  }

  private static ConsumerRecord<byte[], byte[]> consumed(byte[] key, byte[] value, Headers headers) {
    return new ConsumerRecord<>("vz.checkpoints", 0, 7L, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
        key.length, value.length, key, value, headers, Optional.empty());
  }

  private static BlobRef blob(String hexDigit) {
    return BlobRef.newBuilder().setUri("blob:sha256/" + hexDigit.repeat(64)).setSha256(hexDigit.repeat(64))
        .setMediaType(RemoteModelCheckpoint.MEDIA_TYPE).setSize(40).build();
  }
}
