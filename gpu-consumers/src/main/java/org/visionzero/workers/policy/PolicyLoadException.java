package org.visionzero.workers.policy;

/** A policy version could not be loaded; the message says why so an operator can act on it. */
public class PolicyLoadException extends Exception {
  public PolicyLoadException(String message) {
    super(message);
  }

  public PolicyLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
