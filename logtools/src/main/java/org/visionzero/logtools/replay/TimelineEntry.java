package org.visionzero.logtools.replay;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.text.SafeText;

/**
 * One recorded event of a game as the replay shows it.
 *
 * @param partition partition of {@code game-events}
 * @param offset    offset in that partition
 * @param time      when it happened (the event's {@code occurredAt})
 * @param eventId   the event's deterministic id
 * @param kind      what happened
 * @param turn      turn index, -1 when the event has none
 * @param attempt   attempt number, -1 when the event has none
 * @param seat      acting seat (0 the observer), -1 when the event has none
 * @param role      role of the acting seat, null when the event has none
 * @param policy    policy version that acted (or, for the start, of the civilians), null when none
 * @param text      model-written text: the clue, or the decision samples' raw texts ("" when none)
 * @param votes     decision samples as "3", "N/A" or "invalid", in sample order (empty for other events)
 * @param detail    what else there is to say: retry or abort reason, outcome, start summary
 * @param accepted  whether folding the game accepted the event (false for duplicates, stale answers, ...)
 */
public record TimelineEntry(int partition, long offset, Instant time, String eventId, Kind kind, int turn,
    int attempt, int seat, Role role, PolicyRef policy, String text, List<String> votes, String detail,
    boolean accepted) {

  /** Kinds of game events. */
  public enum Kind { STARTED, CLUE, DECISION, RETRY, COMPLETED, ABORTED }

  public static final int NONE = -1;

  public TimelineEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(kind, "kind");
    text = text == null ? "" : text;
    votes = List.copyOf(votes);
    detail = detail == null ? "" : detail;
  }

  /** One line for a terminal; model-written text is quoted with control characters escaped. */
  public String toLine() {
    StringBuilder line = new StringBuilder();
    line.append(time).append("  p").append(partition).append('@').append(offset).append("  ")
        .append(String.format(java.util.Locale.ROOT, "%-9s", kind.name().toLowerCase(java.util.Locale.ROOT)));
    if (turn != NONE) {
      line.append(" turn ").append(turn);
    }
    if (attempt != NONE) {
      line.append(" try ").append(attempt);
    }
    if (seat != NONE) {
      line.append(" seat ").append(seat);
    }
    if (role != null) {
      line.append(' ').append(role);
    }
    if (policy != null) {
      line.append(' ').append(SafeText.terminal(policyName(policy)));
    }
    if (kind == Kind.CLUE) {
      line.append("  ").append(SafeText.terminalQuoted(text));
    }
    if (!votes.isEmpty()) {
      line.append("  votes ").append(votes);
    }
    if (!detail.isEmpty()) {
      line.append("  ").append(SafeText.terminal(detail));
    }
    if (!accepted) {
      line.append("  (ignored by the fold)");
    }
    return line.toString();
  }

  static String policyName(PolicyRef policy) {
    return policy.getName() + "@" + policy.getVersion();
  }
}
