package org.visionzero.sign;

import java.util.Optional;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.CheckpointPublished;

/**
 * Whether to believe a checkpoint event's version: the coordinator pins new training games to it, the evaluator
 * evaluates it, a resuming trainer starts from it. Every
 * version is trained from one published before it, so a version whose parent is newer than any version known
 * for its policy comes from no trainer: pinning games to it would send every turn to a version no worker can
 * load, and (versions never roll back) for good. The coordinator cannot read blobs; the workers refuse a missing
 * or tampered blob, and with {@code VZ_CHECKPOINT_KEY} set an unsigned event is refused before this rule.
 *
 * <p>With no version known yet (a fresh coordinator over a compacted topic that keeps only the latest event)
 * any version is believed: there is nothing to compare with. A version whose history (the earlier versions the
 * trainer still lists) names the known one is believed too: compaction may have removed the versions between. The evaluator applies the same rule to choose the
 * version it evaluates.
 */
public final class CheckpointBelief {
  private CheckpointBelief() {}

  /** The reason not to believe {@code checkpoint}, or empty. */
  public static Optional<InvalidRecordException> doubt(CheckpointPublished checkpoint, Integer known) {
    int version = checkpoint.getPolicy().getVersion();
    String name = checkpoint.getPolicy().getName();
    if (version < 0) {
      return Optional.of(new InvalidRecordException("version-out-of-range", "checkpoint of " + name
          + " announces version " + version + "; versions start at 0"));
    }
    boolean attested = known != null && checkpoint.getHistory().containsKey(Integer.toString(known));
    if (known != null && checkpoint.getParentVersion() > known && !attested) {
      return Optional.of(new InvalidRecordException("version-from-the-future", "checkpoint version " + version
          + " of " + name + " is ahead of the known version " + known + ": its parent version "
          + checkpoint.getParentVersion() + " was never published, and its history does not name " + known));
    }
    return Optional.empty();
  }
}
