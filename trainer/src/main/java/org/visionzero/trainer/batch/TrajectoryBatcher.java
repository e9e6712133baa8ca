package org.visionzero.trainer.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.visionzero.events.Purpose;
import org.visionzero.events.ScoredTrajectory;

/**
 * Groups trajectories into optimizer steps of a fixed number of training games.
 *
 * <p>Evaluation games are consumed but never trained. The batcher tracks, per partition, the offset of the
 * next record to read; a full batch carries a snapshot of these positions taken right after its last game,
 * so records already polled for the next batch are not counted as consumed by this one. A record at an
 * offset below the tracked position (a redelivery) is ignored, which keeps a game from being trained twice.
 */
public final class TrajectoryBatcher {
  private final int gamesPerStep;
  private final SortedMap<Integer, Long> positions;
  private final List<ScoredTrajectory> pending = new ArrayList<>();
  private int skippedNonTraining;
  private int duplicatesIgnored;

  /**
   * @param gamesPerStep  training games per optimizer step
   * @param startOffsets  per partition, the next offset to read (from a checkpoint; empty on a fresh start)
   */
  public TrajectoryBatcher(int gamesPerStep, Map<Integer, Long> startOffsets) {
    if (gamesPerStep < 1) {
      throw new IllegalArgumentException("gamesPerStep must be >= 1, was " + gamesPerStep);
    }
    this.gamesPerStep = gamesPerStep;
    this.positions = new TreeMap<>(startOffsets);
  }

  /** Takes one record; returns a batch when this record completes one. */
  public Optional<StepBatch> offer(ConsumedTrajectory record) {
    Long position = positions.get(record.partition());
    if (position != null && record.offset() < position) {
      duplicatesIgnored++;
      return Optional.empty();
    }
    positions.put(record.partition(), record.offset() + 1);
    ScoredTrajectory game = record.trajectory();
    if (game.getPurpose() != Purpose.TRAINING) {
      skippedNonTraining++;
      return Optional.empty();
    }
    pending.add(game);
    if (pending.size() < gamesPerStep) {
      return Optional.empty();
    }
    StepBatch batch = new StepBatch(pending, positions, skippedNonTraining, duplicatesIgnored);
    pending.clear();
    skippedNonTraining = 0;
    duplicatesIgnored = 0;
    return Optional.of(batch);
  }

  /**
   * Passes over a record that is consumed but not a usable trajectory (it went to the dead letters), so the
   * next batch's offsets move past it.
   */
  public void skip(int partition, long offset) {
    Long position = positions.get(partition);
    if (position == null || offset >= position) {
      positions.put(partition, offset + 1);
    }
  }

  /** Training games waiting for their batch to fill. */
  public int pendingGames() {
    return pending.size();
  }

  public int gamesPerStep() {
    return gamesPerStep;
  }
}
