package org.visionzero.ops.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of an arm left: its summary.json when it finished, else why it did not.
 *
 * @param arm      the arm's name
 * @param seed     the run's seed
 * @param summary  the run's summary.json, when the run finished
 * @param failure  why the run has no summary (exit code and the end of its log), when it did not
 */
public record RunOutcome(String arm, long seed, Optional<JsonNode> summary, Optional<String> failure) {
  public RunOutcome {
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(failure, "failure");
    if (summary.isPresent() == failure.isPresent()) {
      throw new IllegalArgumentException("a run outcome has a summary or a failure, not both or neither");
    }
  }

  public static RunOutcome finished(String arm, long seed, JsonNode summary) {
    return new RunOutcome(arm, seed, Optional.of(summary), Optional.empty());
  }

  public static RunOutcome failed(String arm, long seed, String why) {
    return new RunOutcome(arm, seed, Optional.empty(), Optional.of(why));
  }
}
