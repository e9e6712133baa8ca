package org.visionzero.game.view;

/** Which picture of a pair a seat is shown at its turn. */
public enum ShownImage {
  /** The original picture: civilians, and the decision stage. */
  ORIGINAL,
  /** The odd picture: the spy in code mode. */
  MODIFIED,
  /** Nothing: the spy in paper mode, and the decision stage's no-image control. */
  BLANK
}
