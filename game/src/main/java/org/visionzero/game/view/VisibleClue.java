package org.visionzero.game.view;

import java.util.List;

/**
 * A clue as other seats see it: who said it, in which round, and the clue itself (never the reasoning).
 *
 * @param seat     speaker seat, 1..N
 * @param round    clue round, 1-based
 * @param text     the parsed clue sentence, or the placeholder for an unparseable clue
 * @param tokenIds the clue's token ids for structured policies (empty for text policies)
 */
public record VisibleClue(int seat, int round, String text, List<Integer> tokenIds) {
  public VisibleClue {
    text = text == null ? "" : text;
    tokenIds = List.copyOf(tokenIds);
  }
}
