package org.visionzero.trainer.batch;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.visionzero.events.ScoredTrajectory;

/**
 * The games of one optimizer step and the consumer positions right after its last record.
 *
 * @param games              the training-purpose games, in the order they were read
 * @param nextOffsets        per partition, the offset of the next record not yet consumed by this or an earlier
 *                           batch: resuming from these neither skips nor repeats a record
 * @param skippedNonTraining evaluation games read (and passed over) while this batch was filled
 * @param duplicatesIgnored  records at an offset already consumed (redelivered), passed over
 */
public record StepBatch(
    List<ScoredTrajectory> games,
    Map<Integer, Long> nextOffsets,
    int skippedNonTraining,
    int duplicatesIgnored) {

  public StepBatch {
    games = List.copyOf(games);
    nextOffsets = Collections.unmodifiableSortedMap(new TreeMap<>(nextOffsets));
    if (games.isEmpty()) {
      throw new IllegalArgumentException("a step batch needs at least one game");
    }
  }

  /** The game ids, in batch order. */
  public List<String> gameIds() {
    return games.stream().map(ScoredTrajectory::getGameId).toList();
  }
}
