package org.visionzero.producers.photos;

/** A file that cannot become a pair: unreadable, too large, or not an image. The message says which. */
public final class UnusablePhotoException extends Exception {

  private static final long serialVersionUID = 1L;

  public UnusablePhotoException(String message) {
    super(message);
  }

  public UnusablePhotoException(String message, Throwable cause) {
    super(message, cause);
  }
}
