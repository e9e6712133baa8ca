package org.visionzero.ops.eval;

import java.util.Arrays;
import java.util.Locale;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Winner;

/**
 * One kind of evaluation game: who plays the civilians, the spy and the decision stage, given the evaluated
 * version, the base version v0 and the fixed referee.
 */
public enum EvalArm {
  /** Decision skill: the evaluated version decides on games whose clues all come from v0. */
  DECISION(Side.BASE, Side.BASE, Side.EVALUATED, false, null),
  /** The same games with a blank image for the decision stage: what the clues alone give away. */
  NO_IMAGE(Side.BASE, Side.BASE, Side.EVALUATED, true, null),
  /** Clue skill as the spy against v0 civilians, the fixed referee deciding. */
  CLUE_AS_SPY(Side.BASE, Side.EVALUATED, Side.REFEREE, false, Winner.SPY),
  /** Clue skill as the civilians against a v0 spy, the fixed referee deciding. */
  CLUE_AS_CIVILIANS(Side.EVALUATED, Side.BASE, Side.REFEREE, false, Winner.CIVILIANS),
  /**
   * The paper's measure as the spy: the decision stage is played by the civilians' side (here v0), since a game
   * has one decision policy.
   */
  PAPER_AS_SPY(Side.BASE, Side.EVALUATED, Side.BASE, false, Winner.SPY),
  /** The paper's measure as the civilians, who then also play the decision stage. */
  PAPER_AS_CIVILIANS(Side.EVALUATED, Side.BASE, Side.EVALUATED, false, Winner.CIVILIANS);

  /** Whose version plays a part of the game. */
  public enum Side { EVALUATED, BASE, REFEREE }

  private final Side civilians;
  private final Side spy;
  private final Side decision;
  private final boolean blankDecisionImage;
  private final Winner evaluatedWinsAs;

  EvalArm(Side civilians, Side spy, Side decision, boolean blankDecisionImage, Winner evaluatedWinsAs) {
    this.civilians = civilians;
    this.spy = spy;
    this.decision = decision;
    this.blankDecisionImage = blankDecisionImage;
    this.evaluatedWinsAs = evaluatedWinsAs;
  }

  public PolicyRef civilians(PolicyRef evaluated, PolicyRef base, PolicyRef referee) {
    return pick(civilians, evaluated, base, referee);
  }

  public PolicyRef spy(PolicyRef evaluated, PolicyRef base, PolicyRef referee) {
    return pick(spy, evaluated, base, referee);
  }

  public PolicyRef decision(PolicyRef evaluated, PolicyRef base, PolicyRef referee) {
    return pick(decision, evaluated, base, referee);
  }

  public boolean blankDecisionImage() {
    return blankDecisionImage;
  }

  /** True when the arm's games need the fixed referee. */
  public boolean needsReferee() {
    return decision == Side.REFEREE;
  }

  /** True when the arm scores the evaluated version by who won (the clue-skill and paper arms). */
  public boolean isWinRateArm() {
    return evaluatedWinsAs != null;
  }

  /** True when the evaluated version won a game of this arm. */
  public boolean evaluatedWon(Winner winner) {
    if (evaluatedWinsAs == null) {
      throw new IllegalStateException(this + " is not scored by its winner");
    }
    return winner == evaluatedWinsAs;
  }

  /** True when the evaluated version plays the spy. */
  public boolean evaluatedPlaysSpy() {
    return spy == Side.EVALUATED;
  }

  /** True when the evaluated version plays the civilians (so its clues describe the original image). */
  public boolean evaluatedPlaysCivilians() {
    return civilians == Side.EVALUATED;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static EvalArm fromWireName(String name) {
    return Arrays.stream(values()).filter(arm -> arm.wireName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown evaluation arm '" + name + "'; known: "
            + Arrays.stream(values()).map(EvalArm::wireName).toList()));
  }

  private static PolicyRef pick(Side side, PolicyRef evaluated, PolicyRef base, PolicyRef referee) {
    return switch (side) {
      case EVALUATED -> evaluated;
      case BASE -> base;
      case REFEREE -> {
        if (referee == null) {
          throw new IllegalStateException("no fixed referee chosen yet for a game that needs one");
        }
        yield referee;
      }
    };
  }
}
