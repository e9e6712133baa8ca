package org.visionzero.trainer.loop;

import java.util.Optional;
import org.visionzero.events.CheckpointPublished;

/** Finds the checkpoint a trainer resumes from. */
public interface CheckpointLocator {

  /** The latest checkpoint of {@code policyName} written by run {@code runId}, if any. */
  Optional<CheckpointPublished> latest(String policyName, String runId);
}
