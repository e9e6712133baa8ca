package org.visionzero.ops.config;

/** A setting is wrong; the message names the setting, where the bad value came from, and what is allowed. */
public final class VzConfigException extends IllegalArgumentException {

  public VzConfigException(String message) {
    super(message);
  }

  public VzConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
