package org.visionzero.game.text;

import java.util.Objects;

/**
 * A clue read from a text policy's output.
 *
 * @param clue      the clue sentence other players see (the placeholder when nothing could be read)
 * @param reasoning the reasoning before the answer, never shown to other players
 * @param source    which rule of the contract produced the clue
 */
public record ParsedClue(String clue, String reasoning, Source source) {

  /** The rule that produced a clue, in the order they are tried. */
  public enum Source {
    /** The first {@code \boxed{...}}. */
    BOXED,
    /** {@code <answer>…</answer>}. */
    ANSWER_TAG,
    /** Text after an unclosed {@code <answer>}. */
    OPEN_ANSWER_TAG,
    /** Nothing readable: the placeholder. */
    PLACEHOLDER
  }

  public ParsedClue {
    Objects.requireNonNull(clue, "clue");
    Objects.requireNonNull(reasoning, "reasoning");
    Objects.requireNonNull(source, "source");
  }

  /** False when the placeholder stands in for an unreadable clue. */
  public boolean valid() {
    return source != Source.PLACEHOLDER;
  }
}
