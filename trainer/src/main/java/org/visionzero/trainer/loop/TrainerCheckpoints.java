package org.visionzero.trainer.loop;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.visionzero.blob.BlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.PolicyRef;
import org.visionzero.trainer.state.TrainerState;
import org.visionzero.trainer.state.TrainerStateCodec;
import org.visionzero.trainer.step.Learner;

/**
 * Writes and reads checkpoints: the learner's weights and optimizer state with the trainer state as an extra
 * section, stored in the blob store, announced by a {@code CheckpointPublished}.
 */
public final class TrainerCheckpoints {
  private final BlobStore blobs;
  private final Learner learner;
  private final String policyName;
  private final String runId;
  private final Map<String, BlobRef> history = new TreeMap<>();

  public TrainerCheckpoints(BlobStore blobs, Learner learner, String policyName, String runId) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.learner = Objects.requireNonNull(learner, "learner");
    this.policyName = Objects.requireNonNull(policyName, "policyName");
    this.runId = Objects.requireNonNull(runId, "runId");
  }

  /** A written checkpoint: the event to publish and the state to continue with. */
  public record Written(CheckpointPublished event, TrainerState continueWith) {}

  /**
   * Saves the learner with {@code afterStep} as the next version and returns the event to publish; the state
   * to continue with starts a fresh ledger whose parent is this checkpoint.
   */
  public Written write(TrainerState afterStep, Instant now) throws IOException {
    int version = afterStep.policyVersion() + 1;
    TrainerState saved = withVersion(afterStep, version, afterStep.ledger());
    byte[] bytes = learner.save(version, Map.of(TrainerStateCodec.SECTION, TrainerStateCodec.encode(saved)));
    BlobRef ref = blobs.put(bytes, learner.mediaType());
    CheckpointPublished event = CheckpointPublished.newBuilder()
        .setEventId("checkpoint/" + policyName + "/" + version)
        .setOccurredAt(now)
        .setPolicy(new PolicyRef(policyName, version))
        .setCheckpoint(ref)
        .setTrainerStep(afterStep.step())
        .setParentVersion(afterStep.policyVersion())
        .setArchitecture(learner.architecture())
        .setRunId(runId)
        .setHistory(new TreeMap<>(history))
        .build();
    history.put(Integer.toString(version), ref);
    return new Written(event, withVersion(afterStep, version, TrainerState.Ledger.after(ref.getSha256())));
  }

  /**
   * Restores the learner from a published checkpoint and returns the trainer state to continue with.
   *
   * @throws IllegalStateException when the checkpoint is of another architecture or has no trainer state
   */
  public TrainerState restore(CheckpointPublished event) throws IOException {
    if (!learner.architecture().equals(event.getArchitecture())) {
      throw new IllegalStateException("checkpoint " + event.getEventId() + " is of architecture "
          + event.getArchitecture() + ", this trainer runs " + learner.architecture()
          + ": use a new run id or the matching model settings");
    }
    byte[] bytes = blobs.get(event.getCheckpoint());
    Map<String, byte[]> sections = learner.load(bytes);
    byte[] stateBytes = sections.get(TrainerStateCodec.SECTION);
    if (stateBytes == null) {
      throw new IllegalStateException("checkpoint " + event.getEventId() + " has no '" + TrainerStateCodec.SECTION
          + "' section: it was not written by a trainer and cannot be resumed");
    }
    TrainerState saved = TrainerStateCodec.decode(stateBytes);
    if (saved.policyVersion() != event.getPolicy().getVersion()) {
      throw new IllegalStateException("checkpoint " + event.getEventId() + " holds trainer state of version "
          + saved.policyVersion());
    }
    history.clear();
    history.putAll(event.getHistory());
    history.put(Integer.toString(saved.policyVersion()), event.getCheckpoint());
    return withVersion(saved, saved.policyVersion(), TrainerState.Ledger.after(event.getCheckpoint().getSha256()));
  }

  private static TrainerState withVersion(TrainerState s, int version, TrainerState.Ledger ledger) {
    return new TrainerState(s.step(), version, s.baselines(), s.phase(), s.offsets(), s.counters(), ledger);
  }
}
