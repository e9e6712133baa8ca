package org.visionzero.topics;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameRequested;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TrainingEvent;
import org.visionzero.events.TurnRequested;
import org.visionzero.serde.AvroSerdes;

/**
 * Every topic of the system, built from a prefix (default {@code vz.}) and a partition count, so that
 * several deployments or integration tests can share one cluster without colliding.
 *
 * <p>Partitioning: events of one game share its key (gameId), so game events, turn requests and
 * trajectories are co-partitioned with {@link #gamePartitions()} partitions. Image pairs and game requests
 * have one partition so that pairs wait and start in their order under backpressure.
 */
public final class TopicCatalog {
  public static final String DEFAULT_PREFIX = "vz.";
  public static final int DEFAULT_GAME_PARTITIONS = 4;
  private static final Pattern LEGAL_PREFIX = Pattern.compile("[a-zA-Z0-9._-]*");
  private static final long FOREVER = -1L;
  private static final long ONE_WEEK_MS = Duration.ofDays(7).toMillis();
  /**
   * A turn request is answered within seconds or re-requested after the turn timeout (30 s by default, three
   * attempts), so a quarter of an hour keeps every one that can still matter; the largest topic of a run (a 3-minute
   * run wrote 18 MB of them), kept a week it would reach ~60 GB.
   */
  private static final long TURN_REQUEST_RETENTION_MS = Duration.ofMinutes(15).toMillis();

  private final String prefix;
  private final int gamePartitions;
  private final Serde<String> keys = Serdes.String();

  private TopicCatalog(String prefix, int gamePartitions) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    if (!LEGAL_PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("topic prefix '" + prefix
          + "' may only contain letters, digits, '.', '_' and '-'");
    }
    if (gamePartitions < 1) {
      throw new IllegalArgumentException("game partitions must be >= 1, was " + gamePartitions);
    }
    this.gamePartitions = gamePartitions;
  }

  public static TopicCatalog of(String prefix) {
    return new TopicCatalog(prefix, DEFAULT_GAME_PARTITIONS);
  }

  public static TopicCatalog of(String prefix, int gamePartitions) {
    return new TopicCatalog(prefix, gamePartitions);
  }

  public static TopicCatalog defaults() {
    return of(DEFAULT_PREFIX);
  }

  public String prefix() {
    return prefix;
  }

  public int gamePartitions() {
    return gamePartitions;
  }

  /** {@code vz.image-pairs}: new image pairs, keyed by pairId. */
  public Topic<String, ImagePairCreated> imagePairs() {
    return topic("image-pairs", AvroSerdes.of(ImagePairCreated.class), 1, Topic.DELETE, FOREVER);
  }

  /** {@code vz.game-requests}: explicit game requests (evaluation), keyed by pairId. */
  public Topic<String, GameRequested> gameRequests() {
    return topic("game-requests", AvroSerdes.of(GameRequested.class), 1, Topic.DELETE, ONE_WEEK_MS);
  }

  /** {@code vz.turn-requests}: turns for workers, keyed by gameId. */
  public Topic<String, TurnRequested> turnRequests() {
    return topic("turn-requests", AvroSerdes.of(TurnRequested.class), gamePartitions, Topic.DELETE,
        TURN_REQUEST_RETENTION_MS);
  }

  /** {@code vz.game-events}: the game log, keyed by gameId; kept for replay. */
  public Topic<String, GameEvent> gameEvents() {
    return topic("game-events", AvroSerdes.of(GameEvent.class), gamePartitions, Topic.DELETE, FOREVER);
  }

  /** {@code vz.trajectories}: scored games, keyed by gameId; kept for re-scoring and export. */
  public Topic<String, ScoredTrajectory> trajectories() {
    return topic("trajectories", AvroSerdes.of(ScoredTrajectory.class), gamePartitions, Topic.DELETE, FOREVER);
  }

  /** {@code vz.checkpoints}: the latest checkpoint per policy name (compacted). */
  public Topic<String, CheckpointPublished> checkpoints() {
    return topic("checkpoints", AvroSerdes.of(CheckpointPublished.class), 1, Topic.COMPACT, FOREVER);
  }

  /** {@code vz.training}: trainer progress, keyed by run id. */
  public Topic<String, TrainingEvent> training() {
    return topic("training", AvroSerdes.of(TrainingEvent.class), 1, Topic.DELETE, FOREVER);
  }

  /** {@code vz.dead-letters}: records a component could not process, with the reason. */
  public Topic<String, DeadLetter> deadLetters() {
    return topic("dead-letters", AvroSerdes.of(DeadLetter.class), 1, Topic.DELETE, FOREVER);
  }

  /** Every topic, in the order of ARCHITECTURE.md. */
  public List<Topic<String, ?>> all() {
    return List.of(imagePairs(), gameRequests(), turnRequests(), gameEvents(), trajectories(), checkpoints(),
        training(), deadLetters());
  }

  private <V> Topic<String, V> topic(String base, Serde<V> values, int partitions, String cleanup,
      long retentionMs) {
    return new Topic<>(prefix + base, keys, values, partitions, cleanup, retentionMs);
  }
}
