package org.visionzero.policy.remote;

/**
 * A chat completion that did not yield a usable answer, with a reason fit for a dead letter (never the API key).
 * {@code retryable} says whether trying again may help (the server was slow, busy or broken) or not (the request
 * or the server's configuration is wrong).
 */
public final class RemoteCallException extends RuntimeException {
  private final boolean retryable;

  public RemoteCallException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public RemoteCallException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
