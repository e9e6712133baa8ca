package org.visionzero.game.text;

import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the answer markers of the text contract in linear time, whatever the size of the output. */
final class AnswerMarkers {
  static final String BOXED_OPEN = "\\boxed{";
  static final String ANSWER_OPEN = "<answer>";
  static final String ANSWER_CLOSE = "</answer>";
  private static final Pattern THINK_TAGS = Pattern.compile("</?think>", Pattern.CASE_INSENSITIVE);
  private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

  /** Where an answer was found: its content and the index where its marker starts. */
  record Found(String content, int markerStart) {}

  private AnswerMarkers() {}

  /**
   * The first {@code \boxed{...}} with its content up to the first closing brace (non-greedy, like the
   * authors' regex); an unclosed box matches nothing, and neither does any later one.
   */
  static Optional<Found> firstBoxed(String output) {
    int open = output.indexOf(BOXED_OPEN);
    if (open < 0) {
      return Optional.empty();
    }
    int contentStart = open + BOXED_OPEN.length();
    int close = output.indexOf('}', contentStart);
    return close < 0 ? Optional.empty() : Optional.of(new Found(output.substring(contentStart, close), open));
  }

  /** The first {@code <answer>…</answer>}. */
  static Optional<Found> closedAnswerTag(String output) {
    int open = output.indexOf(ANSWER_OPEN);
    if (open < 0) {
      return Optional.empty();
    }
    int contentStart = open + ANSWER_OPEN.length();
    int close = output.indexOf(ANSWER_CLOSE, contentStart);
    return close < 0 ? Optional.empty() : Optional.of(new Found(output.substring(contentStart, close), open));
  }

  /** Everything after the first {@code <answer>} when it is never closed (an output cut off mid-answer). */
  static Optional<Found> openAnswerTag(String output) {
    int open = output.indexOf(ANSWER_OPEN);
    if (open < 0 || output.indexOf(ANSWER_CLOSE, open) >= 0) {
      return Optional.empty();
    }
    return Optional.of(new Found(output.substring(open + ANSWER_OPEN.length()), open));
  }

  /** The reasoning before an answer marker, without think tags, trimmed. */
  static String reasoningBefore(String output, int markerStart) {
    return THINK_TAGS.matcher(output.substring(0, markerStart)).replaceAll("").trim();
  }

  /** Trims and folds every run of whitespace to one space, so a clue stays one prompt line. */
  static String oneLine(String text) {
    return WHITESPACE_RUN.matcher(text).replaceAll(" ").trim();
  }
}
