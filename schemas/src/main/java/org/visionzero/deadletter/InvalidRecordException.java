package org.visionzero.deadletter;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A record that decodes but says something impossible (a seat that does not exist, a NaN reward, a vote before
 * the clue stage). It carries a short reason code (lower case, dashes) that leads its message, so a dead letter's
 * error reads {@code InvalidRecordException: vote-before-clue-stage: ...} and can be counted by reason.
 */
public final class InvalidRecordException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final String reason;

  public InvalidRecordException(String reason, String detail) {
    super(requireCode(reason) + ": " + Objects.requireNonNull(detail, "detail"));
    this.reason = reason;
  }

  /** The reason code, e.g. {@code clue-too-long}. */
  public String reason() {
    return reason;
  }

  private static String requireCode(String reason) {
    if (reason == null || !CODE.matcher(reason).matches()) {
      throw new IllegalArgumentException("a reason code is lower-case words joined by '-', was '" + reason + "'");
    }
    return reason;
  }
}
