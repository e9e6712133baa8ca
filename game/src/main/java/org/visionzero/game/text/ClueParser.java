package org.visionzero.game.text;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.visionzero.game.text.ParsedClue.Source;

/**
 * Reads a clue from a text policy's output (VISION-ZERO.md section 1): the first {@code \boxed{...}}
 * (non-greedy), else {@code <answer>…</answer>}, else the text after an unclosed {@code <answer>}, else the placeholder
 * {@value #PLACEHOLDER}. A rule whose content is blank does not count and the next rule is tried. The clue
 * is trimmed and its whitespace runs folded to one space. Never throws on any string.
 */
public final class ClueParser {
  /** What other players see when a clue could not be read. */
  public static final String PLACEHOLDER = "No valid clue provided.";

  private ClueParser() {}

  /** Parses one output. */
  public static ParsedClue parse(String output) {
    Objects.requireNonNull(output, "output (use \"\" for an empty output)");
    return attempt(output, AnswerMarkers::firstBoxed, Source.BOXED)
        .or(() -> attempt(output, AnswerMarkers::closedAnswerTag, Source.ANSWER_TAG))
        .or(() -> attempt(output, AnswerMarkers::openAnswerTag, Source.OPEN_ANSWER_TAG))
        .orElseGet(() -> new ParsedClue(PLACEHOLDER, AnswerMarkers.reasoningBefore(output, output.length()),
            Source.PLACEHOLDER));
  }

  private static Optional<ParsedClue> attempt(
      String output, Function<String, Optional<AnswerMarkers.Found>> rule, Source source) {
    return rule.apply(output)
        .filter(found -> !found.content().isBlank())
        .map(found -> new ParsedClue(AnswerMarkers.oneLine(found.content()),
            AnswerMarkers.reasoningBefore(output, found.markerStart()), source));
  }
}
