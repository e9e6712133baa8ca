package org.visionzero.ops.eval;

import java.util.List;
import org.visionzero.events.ScoredClue;

/** Whether a clue repeats, word for word, the latest clue another seat gave before it. */
final class Echoes {

  private Echoes() {
  }

  /** True when {@code clue} has the text of the latest clue of another seat before it in {@code clues}. */
  static boolean repeatsLatestOtherSeat(ScoredClue clue, List<ScoredClue> clues) {
    ScoredClue latest = null;
    for (ScoredClue other : clues) {
      if (other.getSeat() != clue.getSeat() && before(other, clue) && (latest == null || before(latest, other))) {
        latest = other;
      }
    }
    return latest != null && latest.getText().trim().equals(clue.getText().trim());
  }

  /** Speaking order: round by round, seat by seat. */
  private static boolean before(ScoredClue a, ScoredClue b) {
    return a.getRound() < b.getRound() || (a.getRound() == b.getRound() && a.getSeat() < b.getSeat());
  }
}
