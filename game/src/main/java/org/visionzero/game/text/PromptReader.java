package org.visionzero.game.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.game.view.VisibleClue;

/**
 * Reads back what a {@link PromptBuilder} prompt says about the turn: the inverse of the builder, so that a server
 * of the OpenAI chat API can give a structured policy the same turn a worker would have given it in the JVM.
 * Only a prompt of the project's template is understood; anything else is refused with the line that did not fit.
 */
public final class PromptReader {
  private static final Pattern RULES = Pattern.compile(
      "^We are playing \"Who is the Spy\\?\" with (\\d+) players, Player 1 to Player \\d+\\. Every civilian has "
          + "the same picture; the spy has a different one(?:: (.*))?\\.$");
  private static final Pattern SPEAKER = Pattern.compile("^You are Player (\\d+)\\. (.*)$");
  private static final Pattern ROUND_HEADER = Pattern.compile("^Round (\\d+):$");
  private static final Pattern CLUE_LINE = Pattern.compile("^Player (\\d+): ?(.*)$");
  private static final Pattern CLUE_ROUND = Pattern.compile("^This is clue round (\\d+)\\. .*$");
  private static final String OBSERVER = "You are the observer: you did not play, you see the civilians' picture.";
  private static final String BLANK = "Your picture is blank.";
  private static final String CLUES_SO_FAR = "Clues so far:";
  private static final String OWN_REASONING = "Your own earlier reasoning:";
  private static final String DECISION_QUESTION = "Which player is the spy?";

  /**
   * What a prompt says about its turn.
   *
   * @param kind         clue or decision
   * @param seat         the speaking or voting seat, 0 for the observer
   * @param round        the clue round, 0 for a decision
   * @param role         the role the prompt tells the seat
   * @param numPlayers   N
   * @param spyHint      the rules sentence about what differs ("" when none)
   * @param blankImage   true when the prompt says the picture is blank
   * @param history      the earlier clues, with no token ids (they are text here)
   * @param ownReasoning the seat's own earlier reasoning
   */
  public record ReadTurn(TurnKind kind, int seat, int round, Role role, int numPlayers, String spyHint,
      boolean blankImage, List<VisibleClue> history, List<String> ownReasoning) {
    public ReadTurn {
      history = List.copyOf(history);
      ownReasoning = List.copyOf(ownReasoning);
    }
  }

  private PromptReader() {}

  /** Reads a prompt; throws {@link IllegalArgumentException} naming what is not of the template. */
  public static ReadTurn read(String prompt) {
    Objects.requireNonNull(prompt, "prompt");
    List<String> lines = prompt.lines().toList();
    int at = 0;
    Matcher rules = match(RULES, lines, at++, "the rules line");
    int numPlayers = Integer.parseInt(rules.group(1));
    String spyHint = rules.group(2) == null ? "" : rules.group(2);
    String who = line(lines, at++, "the seat line");
    int seat;
    Role role;
    if (who.equals(OBSERVER)) {
      seat = 0;
      role = Role.OBSERVER;
    } else {
      Matcher speaker = match(SPEAKER, who, "the seat line");
      seat = Integer.parseInt(speaker.group(1));
      role = roleOf(speaker.group(2));
    }
    boolean blank = at < lines.size() && lines.get(at).equals(BLANK);
    if (blank) {
      at++;
    }
    List<VisibleClue> history = new ArrayList<>();
    String next = line(lines, at++, "the clue history");
    if (next.equals(CLUES_SO_FAR)) {
      int round = 0;
      while (at < lines.size()) {
        Matcher header = ROUND_HEADER.matcher(lines.get(at));
        Matcher clue = CLUE_LINE.matcher(lines.get(at));
        if (header.matches()) {
          round = Integer.parseInt(header.group(1));
        } else if (clue.matches() && round > 0) {
          history.add(new VisibleClue(Integer.parseInt(clue.group(1)), round, clue.group(2), List.of()));
        } else {
          break;
        }
        at++;
      }
    } else if (!next.equals(PromptBuilder.NO_CLUES_YET)) {
      throw new IllegalArgumentException("prompt line " + at + " should start the clue history, was: " + next);
    }
    List<String> reasoning = new ArrayList<>();
    if (at < lines.size() && lines.get(at).equals(OWN_REASONING)) {
      at++;
      while (at < lines.size() && lines.get(at).startsWith("- ")) {
        reasoning.add(lines.get(at++).substring(2));
      }
    }
    String task = line(lines, at, "the task line");
    Matcher clueRound = CLUE_ROUND.matcher(task);
    if (clueRound.matches()) {
      return new ReadTurn(TurnKind.CLUE, seat, Integer.parseInt(clueRound.group(1)), role, numPlayers, spyHint, blank,
          history, reasoning);
    }
    if (task.startsWith(DECISION_QUESTION)) {
      return new ReadTurn(TurnKind.DECISION, seat, 0, role, numPlayers, spyHint, blank, history, reasoning);
    }
    throw new IllegalArgumentException("prompt line " + (at + 1) + " should ask for a clue or a vote, was: " + task);
  }

  private static Role roleOf(String sentence) {
    if (sentence.equals(PromptBuilder.SPY_ROLE)) {
      return Role.SPY;
    }
    if (sentence.equals(PromptBuilder.CIVILIAN_ROLE)) {
      return Role.CIVILIAN;
    }
    throw new IllegalArgumentException("the seat line names no role: " + sentence);
  }

  private static String line(List<String> lines, int index, String what) {
    if (index >= lines.size()) {
      throw new IllegalArgumentException("prompt ends before " + what + " (line " + (index + 1) + ")");
    }
    return lines.get(index);
  }

  private static Matcher match(Pattern pattern, List<String> lines, int index, String what) {
    return match(pattern, line(lines, index, what), what);
  }

  private static Matcher match(Pattern pattern, String line, String what) {
    Matcher m = pattern.matcher(line);
    if (!m.matches()) {
      throw new IllegalArgumentException(what + " is not of the vz prompt template: " + line);
    }
    return m;
  }
}
