package org.visionzero.logtools.replay;

/** No event of the asked game is in the log. */
public final class GameNotFoundException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public GameNotFoundException(String message) {
    super(message);
  }
}
