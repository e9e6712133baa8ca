package org.visionzero.producers.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.visionzero.blob.BlobStore;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.deadletter.DeadLetterPublisher;
import org.visionzero.deadletter.DeadLetters;
import org.visionzero.events.BlobRef;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.hash.Sha256;
import org.visionzero.producers.pairs.ImagePair;
import org.visionzero.producers.pairs.PngCodec;
import org.visionzero.producers.pairs.SourceItem;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * Puts both images of a pair in the blob store and writes {@code ImagePairCreated} keyed by the pair id, which is
 * the sha256 of the two images' hashes: the same content always gets the same id and event id. After a send is
 * acknowledged, a small marker blob records the pair as published, so a repeated run skips it.
 * Rejected inputs go to the dead letters.
 */
public final class ImagePairPublisher {

  public static final String COMPONENT = "producer";
  static final String MARKER_MEDIA_TYPE = "application/x-vz-published-pair";
  private static final String MARKER_PREFIX = "vz:published-pair:";

  private final Producer<byte[], byte[]> producer;
  private final Topic<String, ImagePairCreated> topic;
  private final DeadLetterPublisher deadLetters;
  private final BlobStore blobs;
  private final HeldOutSplit heldOut;
  private final Clock clock;

  /** A pair as sent: its id, the event, and the broker's acknowledgement to come. */
  public record SentPair(String pairId, ImagePairCreated event, Future<RecordMetadata> acknowledgement) {
  }

  public ImagePairPublisher(Producer<byte[], byte[]> producer, TopicCatalog catalog, BlobStore blobs,
                            HeldOutSplit heldOut, Clock clock) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(catalog, "catalog").imagePairs();
    this.deadLetters = new DeadLetterPublisher(producer, catalog.deadLetters());
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.heldOut = Objects.requireNonNull(heldOut, "heldOut");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Producer settings for publishing pairs: idempotent, all replicas acknowledge, raw bytes (we serialise), one
   * request in flight. With five, a first batch retried on a loaded machine after later ones were written came back
   * as an out-of-order sequence (incoming 0, end 39) that the producer retried until its delivery timeout: the
   * publish failed after two minutes (seen in an IT run beside another IT).
   */
  public static Map<String, Object> producerConfig(String bootstrapServers) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.CLIENT_ID_CONFIG, "vz-producer",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
  }

  /**
   * A command's client properties (security, pass-through settings) with the pair-publishing settings of
   * {@link #producerConfig(String)} on top, pointed at the same cluster.
   */
  public static Map<String, Object> producerConfig(Map<String, Object> clientProperties) {
    Object bootstrap = clientProperties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
    if (bootstrap == null) {
      throw new IllegalArgumentException("the client properties name no " + ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
    }
    Map<String, Object> config = new HashMap<>(clientProperties);
    config.putAll(producerConfig(bootstrap.toString()));
    return config;
  }

  /** The content-derived id: sha256 of "<original sha256>/<modified sha256>". */
  public static String pairId(String originalSha256, String modifiedSha256) {
    return Sha256.hex((originalSha256 + "/" + modifiedSha256).getBytes(StandardCharsets.UTF_8));
  }

  /** The id the pair will get, computed without storing anything. */
  public static String pairId(ImagePair pair) {
    return pairId(Sha256.hex(pair.originalPng()), Sha256.hex(pair.modifiedPng()));
  }

  /** True when an earlier run already published this pair (its acknowledged-marker blob exists). */
  public boolean isPublished(String pairId) {
    return blobs.contains(markerRef(pairId));
  }

  /** Stores both images and sends the event; the returned future completes when the broker acknowledges. */
  public SentPair send(ImagePair pair) {
    BlobRef original = store(pair.originalPng());
    BlobRef modified = store(pair.modifiedPng());
    String pairId = pairId(original.getSha256(), modified.getSha256());
    ImagePairCreated event = ImagePairCreated.newBuilder()
        .setEventId("pair/" + pairId)
        .setOccurredAt(clock.instant())
        .setPairId(pairId)
        .setSource(pair.source())
        .setOriginal(original)
        .setModified(modified)
        .setDifferences(pair.differences())
        .setSpyHint(pair.spyHint())
        .setSceneGraphJson(pair.sceneGraphJson().orElse(null))
        .setBroken(pair.broken().orElse(null))
        .setHeldOut(heldOut.isHeldOut(pairId))
        .setSeed(pair.seed())
        .setWidth(pair.width())
        .setHeight(pair.height())
        .build();
    byte[] key = topic.keySerde().serializer().serialize(topic.name(), pairId);
    byte[] value = topic.valueSerde().serializer().serialize(topic.name(), event);
    Future<RecordMetadata> ack = producer.send(new ProducerRecord<>(topic.name(), key, value));
    return new SentPair(pairId, event, ack);
  }

  /** Records an acknowledged pair as published, so later runs skip it. */
  public void markPublished(String pairId) {
    try {
      blobs.put(markerBytes(pairId), MARKER_MEDIA_TYPE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not record pair " + pairId + " as published in the blob store", e);
    }
  }

  /** Sends a rejected input to the dead letters, with the reason. */
  public Future<RecordMetadata> deadLetter(SourceItem.Rejected rejected) {
    return deadLetters.publish(DeadLetters.forInput(COMPONENT, rejected.reference(), rejected.bytes(),
        rejected.error(), clock.instant()));
  }

  /** Waits for every send so far to be acknowledged (or failed). */
  public void flush() {
    producer.flush();
  }

  private BlobRef store(byte[] png) {
    try {
      return blobs.put(png, PngCodec.MEDIA_TYPE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not store an image in the blob store", e);
    }
  }

  private static byte[] markerBytes(String pairId) {
    return (MARKER_PREFIX + pairId).getBytes(StandardCharsets.UTF_8);
  }

  private static BlobRef markerRef(String pairId) {
    byte[] bytes = markerBytes(pairId);
    String hash = Sha256.hex(bytes);
    return BlobRef.newBuilder().setUri(FileBlobStore.URI_PREFIX + hash).setSha256(hash)
        .setMediaType(MARKER_MEDIA_TYPE).setSize(bytes.length).build();
  }
}
