package org.visionzero.ops.chaos;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The answers in the log of every turn, by attempt, telling apart the two ways a turn gets a second answer: the same
 * attempt answered twice (a duplicate: the exactly-once guarantee broken), and a turn answered to two attempts (an
 * answer came after the turn timeout had requested the turn again, and the retry was answered too; every fold counts
 * the first answer in log order and rejects the other, by design: game's {@code AnswerRule}).
 */
final class TurnAnswers {

  private final Map<String, Map<Integer, Integer>> byTurn = new HashMap<>();

  /** One answer of {@code turn} ("gameId/turn") to {@code attempt}. */
  void answered(String turn, int attempt) {
    byTurn.computeIfAbsent(turn, t -> new HashMap<>()).merge(attempt, 1, Integer::sum);
  }

  /** Turns with an attempt answered more than once. */
  SortedSet<String> sameAttemptTwice() {
    SortedSet<String> turns = new TreeSet<>();
    byTurn.forEach((turn, attempts) -> {
      if (attempts.values().stream().anyMatch(answers -> answers > 1)) {
        turns.add(turn);
      }
    });
    return turns;
  }

  /** Turns answered to more than one attempt. */
  SortedSet<String> toSeveralAttempts() {
    SortedSet<String> turns = new TreeSet<>();
    byTurn.forEach((turn, attempts) -> {
      if (attempts.size() > 1) {
        turns.add(turn);
      }
    });
    return turns;
  }
}
