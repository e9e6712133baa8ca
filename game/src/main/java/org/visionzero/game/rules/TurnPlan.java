package org.visionzero.game.rules;

import java.util.ArrayList;
import java.util.List;
import org.visionzero.events.DecisionMode;
import org.visionzero.events.GameStarted;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;

/**
 * The turn order of a game: seats 1..N in fixed order, round 1 then round 2 …, then the decision stage (one
 * observer turn with G samples, or one turn per civilian in seat order, which may all run at once).
 *
 * @param slots every turn, indexed by turn number
 * @param clueTurns number of clue turns (N × rounds); decision turns follow them
 */
public record TurnPlan(List<TurnSlot> slots, int clueTurns) {

  public TurnPlan {
    slots = List.copyOf(slots);
  }

  /** The plan of a game as started. */
  public static TurnPlan of(GameStarted started) {
    return of(started.getNumPlayers(), started.getClueRounds(), started.getSpySeat(),
        started.getDecisionMode(), started.getDecisionSamples());
  }

  /** The plan for N players, R rounds, a spy seat and a decision stage. */
  public static TurnPlan of(int numPlayers, int clueRounds, int spySeat, DecisionMode decisionMode,
      int decisionSamples) {
    if (numPlayers < 2 || clueRounds < 1 || decisionSamples < 1) {
      throw new IllegalArgumentException("need numPlayers >= 2, clueRounds >= 1 and decisionSamples >= 1, got "
          + numPlayers + ", " + clueRounds + ", " + decisionSamples);
    }
    if (spySeat < 1 || spySeat > numPlayers) {
      throw new IllegalArgumentException("spySeat must be in 1.." + numPlayers + ", was " + spySeat);
    }
    List<TurnSlot> slots = new ArrayList<>();
    for (int round = 1; round <= clueRounds; round++) {
      for (int seat = 1; seat <= numPlayers; seat++) {
        slots.add(new TurnSlot(slots.size(), TurnKind.CLUE, seat, round, SeatAssignment.roleOf(seat, spySeat), 1));
      }
    }
    int clueTurns = slots.size();
    if (decisionMode == DecisionMode.OBSERVER) {
      slots.add(new TurnSlot(clueTurns, TurnKind.DECISION, 0, 0, Role.OBSERVER, decisionSamples));
    } else {
      for (int seat = 1; seat <= numPlayers; seat++) {
        if (seat != spySeat) {
          slots.add(new TurnSlot(slots.size(), TurnKind.DECISION, seat, 0, Role.CIVILIAN, 1));
        }
      }
    }
    return new TurnPlan(slots, clueTurns);
  }

  /** The slot of a turn. */
  public TurnSlot slot(int turn) {
    if (turn < 0 || turn >= slots.size()) {
      throw new IllegalArgumentException("turn must be in 0.." + (slots.size() - 1) + ", was " + turn);
    }
    return slots.get(turn);
  }

  /** Whether a turn index exists in this plan. */
  public boolean contains(int turn) {
    return turn >= 0 && turn < slots.size();
  }

  /** Total number of turns. */
  public int size() {
    return slots.size();
  }

  /** Turns that open once a turn is answered: the next clue turn, or every decision turn after the last clue. */
  public List<Integer> openedAfter(int answeredTurn) {
    int next = answeredTurn + 1;
    if (answeredTurn < clueTurns - 1) {
      return List.of(next);
    }
    if (answeredTurn == clueTurns - 1) {
      List<Integer> decisions = new ArrayList<>();
      for (int turn = clueTurns; turn < slots.size(); turn++) {
        decisions.add(turn);
      }
      return decisions;
    }
    return List.of();
  }
}
