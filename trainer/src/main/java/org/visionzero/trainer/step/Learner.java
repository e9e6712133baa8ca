package org.visionzero.trainer.step;

import java.io.IOException;
import java.util.Map;

/**
 * A trainable model: takes GRPO steps and saves/loads its weights and optimizer state together with extra named
 * sections (the trainer state) in one checkpoint, so they can never get out of step.
 */
public interface Learner extends TrainingStep, AutoCloseable {

  /** Architecture fingerprint written on {@code CheckpointPublished}; workers refuse another one. */
  String architecture();

  /** Media type of the checkpoint blob. */
  String mediaType();

  /** Checkpoint bytes: weights, optimizer state and the given sections. */
  byte[] save(int version, Map<String, byte[]> sections) throws IOException;

  /** Restores weights and optimizer state from checkpoint bytes; returns its extra sections. */
  Map<String, byte[]> load(byte[] checkpoint) throws IOException;

  @Override
  void close();
}
