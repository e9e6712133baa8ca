package org.visionzero.ops.chaos;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.visionzero.blob.BlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.policy.checkpoint.Checkpoint;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.trainer.state.TrainerState;
import org.visionzero.trainer.state.TrainerStateCodec;

/**
 * What the checkpoints say, checked against their blobs: trajectories trained more than once (each checkpoint's
 * trainer state lists the games of the steps since its parent, so the chain of the run's newest checkpoint lists
 * every trained game, as {@code TrainerResumeIT} checks), and checkpoints that were used but fail verification
 * (every version that answered a turn must have a published blob whose sha256 and content check out: a worker
 * that played with it loaded exactly that blob or refused it).
 *
 * @param trainedTwice     games listed in more than one step of the chain
 * @param gamesTrained     games listed in the chain
 * @param badLoaded        "name/version: why" of every version that answered a turn but fails verification
 * @param chainUnreadable  "version: why" of checkpoints of the chain whose trainer state could not be read
 */
record CheckpointAudit(List<String> trainedTwice, long gamesTrained, List<String> badLoaded,
    List<String> chainUnreadable, int newestVersion) {

  static CheckpointAudit of(List<CheckpointPublished> events, Set<String> versionsThatAnswered, String runId,
      BlobStore blobs) {
    Map<String, BlobRef> refs = new HashMap<>();
    for (CheckpointPublished event : events) {
      String name = event.getPolicy().getName();
      event.getHistory().forEach((version, ref) -> refs.putIfAbsent(name + "/" + version, ref));
      refs.put(ChaosLog.key(event.getPolicy()), event.getCheckpoint());
    }
    List<String> bad = new ArrayList<>();
    for (String version : versionsThatAnswered) {
      BlobRef ref = refs.get(version);
      Optional<String> problem = ref == null ? Optional.of("no checkpoint event names it") : verify(ref, blobs);
      problem.ifPresent(why -> bad.add(version + ": " + why));
    }
    Optional<CheckpointPublished> newest = events.stream().filter(event -> runId.equals(event.getRunId()))
        .max(Comparator.comparingInt(event -> event.getPolicy().getVersion()));
    if (newest.isEmpty()) {
      return new CheckpointAudit(List.of(), 0, bad, List.of(), 0);
    }
    TreeMap<Integer, BlobRef> chain = new TreeMap<>();
    newest.get().getHistory().forEach((version, ref) -> chain.put(Integer.parseInt(version), ref));
    chain.put(newest.get().getPolicy().getVersion(), newest.get().getCheckpoint());
    Set<String> seen = new HashSet<>();
    List<String> twice = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    long trained = 0;
    for (Map.Entry<Integer, BlobRef> link : chain.entrySet()) {
      Optional<TrainerState> state = trainerState(link.getValue(), blobs, unreadable, link.getKey());
      if (state.isEmpty()) {
        continue;
      }
      for (String game : state.get().ledger().gameIds()) {
        trained++;
        if (!seen.add(game)) {
          twice.add(game);
        }
      }
    }
    return new CheckpointAudit(twice, trained, bad, unreadable, newest.get().getPolicy().getVersion());
  }

  private static Optional<String> verify(BlobRef ref, BlobStore blobs) {
    try {
      Checkpoints.decode(blobs.get(ref), ref.getSha256());
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static Optional<TrainerState> trainerState(BlobRef ref, BlobStore blobs, List<String> unreadable,
      int version) {
    try {
      Checkpoint checkpoint = Checkpoints.decode(blobs.get(ref), ref.getSha256());
      byte[] section = checkpoint.extras().get(TrainerStateCodec.SECTION);
      if (section == null) {
        // v0 and checkpoints from outside the trainer carry no trainer state: nothing trained in them
        return Optional.empty();
      }
      return Optional.of(TrainerStateCodec.decode(section));
    } catch (IOException | RuntimeException e) {
      unreadable.add("v" + version + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}
