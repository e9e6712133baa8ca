package org.visionzero.ops.chaos.poison;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * Writes hostile records to every input topic of a catalog (not the dead letters), spread over the kinds of
 * {@link PoisonKind} and seeded, for a chaos run or a test to check that each one is dead-lettered with its
 * reason and that nothing stops. Every record carries the header {@value #HEADER} (its kind) and, where the key is
 * free, a key starting with {@code poison-}: a check recognises them by those; components never look.
 *
 * <p>Thread-safe; {@link #write} may be called many times during a run (each call reads the topics' tails again,
 * so replays and imitated checkpoints follow the run).
 */
public final class PoisonWriter implements AutoCloseable {
  /** The header naming a poison record's kind. */
  public static final String HEADER = "vz.poison";

  /**
   * True when {@code record} was written by a poison load (it carries {@link #HEADER}). Only checks that audit a
   * chaos run ask this, to leave the load's own records out of the system's figures; no component does.
   */
  public static boolean isPoison(ConsumerRecord<?, ?> record) {
    return record.headers().lastHeader(HEADER) != null;
  }

  /** True when {@code id} (a game, pair or run id) was made up by a poison load. */
  public static boolean isPoisonId(String id) {
    return id != null && id.startsWith(PoisonRecipes.PREFIX);
  }

  private final Map<String, Object> clientProps;
  private final TopicCatalog topics;
  private final Random random;
  private final PoisonRecipes recipes;
  private final KafkaProducer<byte[], byte[]> producer;
  private final List<Slot> slots;
  private long written;

  public PoisonWriter(Map<String, Object> producerProps, TopicCatalog topics, long seed) {
    this(producerProps, topics, seed, inputTopics(topics));
  }

  /**
   * A writer to {@code targets} only (input topics of {@code topics}): a deployment without a reader of some
   * topic has nobody to dead-letter what is written there.
   */
  public PoisonWriter(Map<String, Object> producerProps, TopicCatalog topics, long seed,
      List<Topic<String, ?>> targets) {
    this.clientProps = Map.copyOf(Objects.requireNonNull(producerProps, "producerProps"));
    this.topics = Objects.requireNonNull(topics, "topics");
    this.random = new Random(seed);
    this.recipes = new PoisonRecipes(topics, seed);
    Map<String, Object> props = new HashMap<>(producerProps);
    props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    this.slots = slots(targets, topics, random);
  }

  /** Every input topic of the catalog: everything but the dead letters. */
  public static List<Topic<String, ?>> inputTopics(TopicCatalog topics) {
    return topics.all().stream().filter(t -> !t.name().equals(topics.deadLetters().name())).toList();
  }

  /**
   * Writes {@code count} poisons, each of one kind on one topic, round-robin over every (topic, kind) pair in a
   * seeded order (38 pairs; each round turns to the next impossible value of a topic: game events have four, so
   * four rounds cover every one), and waits until the cluster has them. A vote before the clue stage is two records
   * (the start of its game, then the vote); a replay on a topic with nothing to replay yet is random bytes instead.
   */
  public synchronized PoisonReport write(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    TopicSamples samples = TopicSamples.read(clientProps, topics, inputTopics(topics));
    List<Pending> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Slot slot = slots.get((int) (written % slots.size()));
      long round = written / slots.size(); // turns the variant of a kind (which impossible value) per round
      List<Poison> poisons = recipes.make(slot.topic(), slot.kind(), written, round, random, samples);
      if (poisons.isEmpty()) {
        poisons = recipes.make(slot.topic(), PoisonKind.RANDOM_BYTES, written, round, random, samples);
      }
      written++;
      for (Poison poison : poisons) {
        pending.add(new Pending(poison, producer.send(toRecord(poison))));
      }
    }
    producer.flush();
    return report(pending);
  }

  @Override
  public synchronized void close() {
    producer.close();
  }

  private static ProducerRecord<byte[], byte[]> toRecord(Poison poison) {
    byte[] key = poison.key() == null ? null : poison.key().getBytes(StandardCharsets.UTF_8);
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(poison.topic(), key, poison.value());
    record.headers().add(HEADER, poison.kind().tag().getBytes(StandardCharsets.UTF_8));
    if (poison.signature() != null) {
      record.headers().add(CheckpointSignature.HEADER, poison.signature());
    }
    return record;
  }

  private static PoisonReport report(List<Pending> pending) {
    Map<String, Long> byKind = new LinkedHashMap<>();
    Map<String, Long> byTopic = new LinkedHashMap<>();
    List<PoisonReport.Written> records = new ArrayList<>();
    for (Pending p : pending) {
      RecordMetadata metadata;
      try {
        metadata = p.sent().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing poison records", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("could not write a " + p.poison().kind().tag() + " record to "
            + p.poison().topic() + ": " + e.getCause(), e.getCause());
      }
      String kind = p.poison().kind().tag();
      byKind.merge(kind, 1L, Long::sum);
      byTopic.merge(p.poison().topic(), 1L, Long::sum);
      records.add(new PoisonReport.Written(metadata.topic(), metadata.partition(), metadata.offset(),
          p.poison().key(), kind));
    }
    return new PoisonReport(byKind, byTopic, records);
  }

  /** Every (topic, kind) pair that makes sense, in a seeded order: checkpoint kinds on the checkpoint topic only. */
  private static List<Slot> slots(List<Topic<String, ?>> targets, TopicCatalog topics, Random random) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("poison needs at least one topic to write to");
    }
    List<Slot> slots = new ArrayList<>();
    for (Topic<String, ?> topic : targets) {
      boolean checkpoints = topic.name().equals(topics.checkpoints().name());
      for (PoisonKind kind : PoisonKind.values()) {
        if (!kind.checkpointsOnly() || checkpoints) {
          slots.add(new Slot(topic, kind));
        }
      }
    }
    Collections.shuffle(slots, random);
    return List.copyOf(slots);
  }

  private record Slot(Topic<String, ?> topic, PoisonKind kind) {}

  private record Pending(Poison poison, Future<RecordMetadata> sent) {}
}
