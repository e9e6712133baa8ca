package org.visionzero.sign;

/** A checkpoint event whose signature is missing or wrong while checkpoints are signed; it is never loaded. */
public final class UntrustedCheckpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UntrustedCheckpointException(String reason) {
    super(reason);
  }
}
