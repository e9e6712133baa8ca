package org.visionzero.game.outcome;

import java.util.List;
import java.util.Objects;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredTrajectory;

/**
 * Clues that repeat, word for word, a clue another seat gave before them. A spy that only repeats others says
 * nothing about its own image, so no observer can find it from the images: its game tells how well the spy hid,
 * not how well the observer looked.
 */
public final class ClueRepeats {

  private ClueRepeats() {
  }

  /** True when {@code clue} has the text of the latest clue another seat gave before it in {@code clues}. */
  public static boolean repeatsLatestOtherSeat(ScoredClue clue, List<ScoredClue> clues) {
    ScoredClue latest = null;
    for (ScoredClue other : clues) {
      if (other.getSeat() != clue.getSeat() && before(other, clue) && (latest == null || before(latest, other))) {
        latest = other;
      }
    }
    return latest != null && sameText(latest, clue);
  }

  /** True when {@code clue} has the text of any clue another seat gave before it in {@code clues}. */
  public static boolean repeatsEarlierOtherSeat(ScoredClue clue, List<ScoredClue> clues) {
    for (ScoredClue other : clues) {
      if (other.getSeat() != clue.getSeat() && before(other, clue) && sameText(other, clue)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the spy gave at least one clue and every one of them repeats an earlier clue of another seat:
   * the game holds no evidence from the spy's image.
   */
  public static boolean spyOnlyRepeated(ScoredTrajectory game) {
    Objects.requireNonNull(game, "game");
    boolean spoke = false;
    for (ScoredClue clue : game.getClues()) {
      if (clue.getSeat() == game.getSpySeat()) {
        if (!repeatsEarlierOtherSeat(clue, game.getClues())) {
          return false;
        }
        spoke = true;
      }
    }
    return spoke;
  }

  private static boolean sameText(ScoredClue a, ScoredClue b) {
    return a.getText().trim().equals(b.getText().trim());
  }

  /** Speaking order: round by round, seat by seat. */
  private static boolean before(ScoredClue a, ScoredClue b) {
    return a.getRound() < b.getRound() || (a.getRound() == b.getRound() && a.getSeat() < b.getSeat());
  }
}
