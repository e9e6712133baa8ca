package org.visionzero.ops.chaos.poison;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.GameEvent;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.TurnRequested;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * Builds the hostile records of each kind for each input topic. Identifiers it invents start with
 * {@value #PREFIX} (game, pair, run ids) so a check can recognise them afterwards; components never look at it.
 * Impossible values are built from scratch, so every kind can be written to every topic before the run has
 * produced anything; a replayed duplicate needs a record read from the topic ({@link TopicSamples}).
 */
final class PoisonRecipes {
  static final String PREFIX = "poison-";
  /** A clue of a megabyte: the figure, below Kafka's default 1 MiB record limit with its envelope. */
  static final int HUGE_CLUE_BYTES = 1_000_000;
  /** Versions far beyond any a trainer reaches. */
  static final int FUTURE_VERSION = 1_000_000_000;
  private static final byte[] HEADER = {(byte) 0xC3, 0x01};
  private static final int FINGERPRINT_BYTES = 8;

  private final TopicCatalog topics;
  private final String runTag;

  PoisonRecipes(TopicCatalog topics, long seed) {
    this.topics = topics;
    this.runTag = PREFIX + Long.toHexString(seed) + "-";
  }

  /** The records of one poison of {@code kind} on {@code topic} (two for a vote before the clue stage). */
  List<Poison> make(Topic<String, ?> topic, PoisonKind kind, long n, long variant, Random random,
      TopicSamples samples) {
    String id = runTag + n;
    return switch (kind) {
      case RANDOM_BYTES -> List.of(Poison.of(topic.name(), id, randomBytes(random), kind));
      case UNKNOWN_FINGERPRINT -> List.of(Poison.of(topic.name(), id, unknownFingerprint(topic, id, random), kind));
      case TRUNCATED_BODY -> List.of(Poison.of(topic.name(), id, truncated(topic, id, random), kind));
      case REPLAYED_DUPLICATE -> replay(topic, random, samples).map(List::of).orElse(List.of());
      case IMPOSSIBLE_VALUE -> impossible(topic, id, variant, samples);
      case CHECKPOINT_BLOB_MISSING, CHECKPOINT_BLOB_TAMPERED, CHECKPOINT_WRONGLY_SIGNED ->
          List.of(checkpoint(kind, n, random, samples));
    };
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[1 + random.nextInt(256)];
    random.nextBytes(bytes);
    bytes[0] = (byte) (bytes[0] == HEADER[0] ? 0 : bytes[0]); // never by chance the single-object marker
    return bytes;
  }

  /** The marker, a fingerprint no schema has (random: 2^-64 to hit one), and a valid body of the topic's type. */
  private byte[] unknownFingerprint(Topic<String, ?> topic, String id, Random random) {
    byte[] valid = plausible(topic, id);
    byte[] bytes = valid.clone();
    byte[] fingerprint = new byte[FINGERPRINT_BYTES];
    random.nextBytes(fingerprint);
    System.arraycopy(fingerprint, 0, bytes, HEADER.length, FINGERPRINT_BYTES);
    return bytes;
  }

  /** A valid encoding cut somewhere after the header: Avro cannot read the fields that are missing. */
  private byte[] truncated(Topic<String, ?> topic, String id, Random random) {
    byte[] valid = plausible(topic, id);
    int header = HEADER.length + FINGERPRINT_BYTES;
    return Arrays.copyOf(valid, header + random.nextInt(valid.length - header));
  }

  private static Optional<Poison> replay(Topic<String, ?> topic, Random random, TopicSamples samples) {
    return samples.any(topic.name(), random)
        .map(record -> Poison.of(topic.name(), record.key(), record.value(), PoisonKind.REPLAYED_DUPLICATE));
  }

  /** A valid event of the topic's type, encoded: the base of the fingerprint and truncation kinds. */
  private byte[] plausible(Topic<String, ?> topic, String id) {
    String name = topic.name();
    PolicyRef random = new PolicyRef("random", 0);
    if (name.equals(topics.imagePairs().name())) {
      return encode(topics.imagePairs(), PoisonEvents.pair(id));
    } else if (name.equals(topics.gameRequests().name())) {
      return encode(topics.gameRequests(), PoisonEvents.request(id, random));
    } else if (name.equals(topics.turnRequests().name())) {
      return encode(topics.turnRequests(), PoisonEvents.turn(id, 1, random));
    } else if (name.equals(topics.gameEvents().name())) {
      return encode(topics.gameEvents(), PoisonEvents.clue(id, 1, "a clue"));
    } else if (name.equals(topics.trajectories().name())) {
      return encode(topics.trajectories(), PoisonEvents.trajectory(id, 0.0));
    } else if (name.equals(topics.checkpoints().name())) {
      return encode(topics.checkpoints(),
          PoisonEvents.checkpointEvent("random", FUTURE_VERSION, PoisonEvents.blob(id), id));
    } else if (name.equals(topics.training().name())) {
      return encode(topics.training(), PoisonEvents.training(id, 0.5));
    }
    throw new IllegalArgumentException("not an input topic: " + name);
  }

  /** Valid Avro that says something impossible; which, of the topic's, turns with {@code variant}. */
  private List<Poison> impossible(Topic<String, ?> topic, String id, long variant, TopicSamples samples) {
    String name = topic.name();
    String trained = samples.trainedPolicy().orElse("random");
    if (name.equals(topics.imagePairs().name())) {
      ImagePairCreated pair = PoisonEvents.pair(id);
      pair.setOriginal(new BlobRef(FileBlobStore.URI_PREFIX + "not-a-hash", "not-a-hash", "image/png", 1L));
      return List.of(impossible(topics.imagePairs(), id, pair));
    } else if (name.equals(topics.gameRequests().name())) {
      return List.of(impossible(topics.gameRequests(), id,
          PoisonEvents.request(id, new PolicyRef(trained, FUTURE_VERSION))));
    } else if (name.equals(topics.turnRequests().name())) {
      TurnRequested turn = variant % 2 == 0
          ? PoisonEvents.turn(id, -1, new PolicyRef("random", 0)) // a negative seat
          : PoisonEvents.turn(id, 1, new PolicyRef(trained, FUTURE_VERSION));
      return List.of(impossible(topics.turnRequests(), id, turn));
    } else if (name.equals(topics.gameEvents().name())) {
      return impossibleGameEvents(id, variant);
    } else if (name.equals(topics.trajectories().name())) {
      return List.of(impossible(topics.trajectories(), id, PoisonEvents.trajectory(id, Double.NaN)));
    } else if (name.equals(topics.checkpoints().name())) {
      int negative = -1 - (int) (variant % 1000);
      return List.of(impossible(topics.checkpoints(), trained,
          PoisonEvents.checkpointEvent(trained, negative, PoisonEvents.blob(id), id)));
    } else if (name.equals(topics.training().name())) {
      return List.of(impossible(topics.training(), id, PoisonEvents.training(id, Double.NaN)));
    }
    throw new IllegalArgumentException("not an input topic: " + name);
  }

  /** A 1 MB clue, a negative seat, an answer to an unknown game, or a game started then voted in before its clues. */
  private List<Poison> impossibleGameEvents(String gameId, long variant) {
    Topic<String, GameEvent> log = topics.gameEvents();
    return switch ((int) (variant % 4)) {
      case 0 -> List.of(impossible(log, gameId, PoisonEvents.clue(gameId, 1, "x".repeat(HUGE_CLUE_BYTES))));
      case 1 -> List.of(impossible(log, gameId, PoisonEvents.clue(gameId, -1, "a clue")));
      case 2 -> List.of(impossible(log, gameId, PoisonEvents.clue(gameId, 1, "a clue")));
      default -> List.of(impossible(log, gameId, PoisonEvents.started(gameId)),
          impossible(log, gameId, PoisonEvents.voteAtDecisionTurn(gameId)));
    };
  }

  private static <V> Poison impossible(Topic<String, V> topic, String key, V event) {
    return Poison.of(topic.name(), key, encode(topic, event), PoisonKind.IMPOSSIBLE_VALUE);
  }

  private Poison checkpoint(PoisonKind kind, long n, Random random, TopicSamples samples) {
    String name = topics.checkpoints().name();
    String policy = samples.trainedPolicy().orElse("random");
    String id = runTag + n;
    BlobRef ref = switch (kind) {
      // a real blob's uri under another hash: the store finds other bytes than the event promises
      case CHECKPOINT_BLOB_TAMPERED -> samples.checkpointBlob()
          .map(real -> new BlobRef(real.getUri(), PoisonEvents.sha256Of(id), real.getMediaType(),
              real.getSize()))
          .orElse(PoisonEvents.blob(id));
      default -> PoisonEvents.blob(id);
    };
    CheckpointPublished event = CheckpointPublished.newBuilder(
        PoisonEvents.checkpointEvent(policy, FUTURE_VERSION + (int) (n % 1_000_000), ref, id))
        .setArchitecture(samples.checkpointArchitecture().orElse(PREFIX + "architecture")).build();
    byte[] value = encode(topics.checkpoints(), event);
    if (kind == PoisonKind.CHECKPOINT_WRONGLY_SIGNED) {
      byte[] mac = new byte[32];
      random.nextBytes(mac);
      return new Poison(name, policy, value, kind, mac);
    }
    return Poison.of(name, policy, value, kind);
  }

  private static <V> byte[] encode(Topic<String, V> topic, V value) {
    return topic.valueSerde().serializer().serialize(topic.name(), value);
  }
}
