package org.visionzero.workers.image;

/** An image a turn needs is missing, fails its hash check, or cannot be decoded. */
public final class ImageUnavailableException extends Exception {
  public ImageUnavailableException(String message) {
    super(message);
  }

  public ImageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
