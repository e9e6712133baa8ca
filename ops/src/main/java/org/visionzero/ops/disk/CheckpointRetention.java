package org.visionzero.ops.disk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.visionzero.events.BlobRef;

/**
 * Which checkpoint blobs a run may delete: every published version except the newest {@code keep} and those still
 * in use (v0, the fixed referee, the version under evaluation). A blob whose content is also a kept version's (the
 * store is content-addressed) is never deleted. {@code keep == 0} keeps everything.
 */
public final class CheckpointRetention {

  private final int keep;

  public CheckpointRetention(int keep) {
    if (keep < 0) {
      throw new IllegalArgumentException("checkpoints to keep must be >= 0, was " + keep);
    }
    this.keep = keep;
  }

  /** A checkpoint that may go. */
  public record Expired(int version, BlobRef blob) {}

  /**
   * @param published every version read from the checkpoint topic and its blob
   * @param inUse     versions that evaluation games may still ask a worker to load
   * @return the versions to delete, oldest first
   */
  public List<Expired> expired(Map<Integer, BlobRef> published, Set<Integer> inUse) {
    if (keep == 0 || published.size() <= keep) {
      return List.of();
    }
    NavigableMap<Integer, BlobRef> versions = new TreeMap<>(published);
    Set<Integer> kept = new HashSet<>(inUse);
    versions.descendingKeySet().stream().limit(keep).forEach(kept::add);
    Set<String> keptContent = new HashSet<>();
    kept.stream().map(versions::get).filter(ref -> ref != null).forEach(ref -> keptContent.add(ref.getSha256()));
    List<Expired> expired = new ArrayList<>();
    versions.forEach((version, ref) -> {
      if (!kept.contains(version) && !keptContent.contains(ref.getSha256())) {
        expired.add(new Expired(version, ref));
      }
    });
    return expired;
  }
}
