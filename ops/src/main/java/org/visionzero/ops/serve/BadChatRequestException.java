package org.visionzero.ops.serve;

/** A request vz serve cannot play, with the reason it returns as a 400 (or 404 for an unknown model). */
public final class BadChatRequestException extends RuntimeException {
  private final int status;
  private final String code;

  public BadChatRequestException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public static BadChatRequestException invalid(String message) {
    return new BadChatRequestException(400, "invalid_request_error", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
