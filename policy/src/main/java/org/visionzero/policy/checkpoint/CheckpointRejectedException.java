package org.visionzero.policy.checkpoint;

/** A checkpoint that must not be loaded: wrong hash, other architecture or vocabulary, or malformed bytes. */
public final class CheckpointRejectedException extends RuntimeException {
  public CheckpointRejectedException(String message) {
    super(message);
  }

  public CheckpointRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
