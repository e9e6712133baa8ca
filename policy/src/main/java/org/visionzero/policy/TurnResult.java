package org.visionzero.policy;

import java.util.Objects;

/**
 * The outcome of one turn when a policy can fail turn by turn (a remote model): an answer, or the reason there is
 * none. The worker answers the turns that have one and dead-letters the others with their reason.
 */
public record TurnResult<T>(T answer, String failure) {
  public TurnResult {
    if ((answer == null) == (failure == null)) {
      throw new IllegalArgumentException("a turn result has either an answer or a failure, not both or neither");
    }
  }

  public static <T> TurnResult<T> answered(T answer) {
    return new TurnResult<>(Objects.requireNonNull(answer, "answer"), null);
  }

  public static <T> TurnResult<T> failed(String reason) {
    return new TurnResult<>(null, Objects.requireNonNull(reason, "reason"));
  }

  public boolean ok() {
    return answer != null;
  }
}
