package org.visionzero.ops.checkpoint;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.remote.RemoteModelCheckpoint;

/**
 * The checkpoint event of a version trained outside this project (TRL, verl, OpenRLHF): its blob names the model or
 * adapter a server plays for it ({@link RemoteModelCheckpoint}), and it follows the policy's latest announced
 * version as a trainer's checkpoint would: a higher version number, that version as its parent unless told
 * otherwise, and the earlier versions' blobs in its history (so evaluation games can still pin them).
 */
public final class ExternalVersion {
  /** Run id of a version announced by {@code vz checkpoint publish-remote} when none is given. */
  public static final String DEFAULT_RUN_ID = "external";

  private ExternalVersion() {}

  /**
   * Refuses a version that workers would not play: no policy name, a negative version, or one not above the
   * policy's latest announced version (workers only move forward).
   */
  public static void check(String policy, int version, Optional<CheckpointPublished> latest) {
    if (policy == null || policy.isBlank()) {
      throw new IllegalArgumentException("a policy name is required");
    }
    if (version < 0) {
      throw new IllegalArgumentException("a version is >= 0, was " + version);
    }
    if (latest.isPresent() && version <= latest.get().getPolicy().getVersion()) {
      int latestVersion = latest.get().getPolicy().getVersion();
      throw new IllegalArgumentException("version " + version + " of '" + policy + "' is not above the latest "
          + "announced version " + latestVersion + ": workers only move forward, publish version "
          + (latestVersion + 1) + " or higher");
    }
  }

  /**
   * @param latest        the policy's latest version on the checkpoint topic, if any
   * @param parentVersion the version it was trained from; empty: {@code latest}'s version (-1 without one)
   * @throws IllegalArgumentException as {@link #check}
   */
  public static CheckpointPublished event(String policy, int version, BlobRef modelBlob,
      Optional<CheckpointPublished> latest, Optional<Integer> parentVersion, long trainerStep, String runId,
      Instant now) {
    Objects.requireNonNull(modelBlob, "modelBlob");
    check(policy, version, latest);
    Map<String, BlobRef> history = new TreeMap<>();
    latest.ifPresent(previous -> {
      history.putAll(previous.getHistory());
      history.put(Integer.toString(previous.getPolicy().getVersion()), previous.getCheckpoint());
    });
    int parent = parentVersion.orElse(latest.map(e -> e.getPolicy().getVersion()).orElse(-1));
    return CheckpointPublished.newBuilder()
        .setEventId("checkpoint/" + policy + "/" + version)
        .setOccurredAt(now)
        .setPolicy(new PolicyRef(policy, version))
        .setCheckpoint(modelBlob)
        .setTrainerStep(trainerStep)
        .setParentVersion(parent)
        .setArchitecture(RemoteModelCheckpoint.ARCHITECTURE)
        .setRunId(runId == null || runId.isBlank() ? DEFAULT_RUN_ID : runId)
        .setHistory(history)
        .build();
  }
}
