package org.visionzero.game.text;

import java.util.List;
import java.util.Objects;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.VisibleClue;

/**
 * The prompt of a text policy for one turn, built only from what the seat may see ({@link TurnView}): the
 * rules, its role, its image situation, the earlier clues by round as {@code Player k: <clue>} lines, its own
 * earlier reasoning, and the output contract ({@code \boxed{...}}).
 */
public final class PromptBuilder {
  static final String NO_CLUES_YET = "There are no clues yet: you speak first.";
  static final String SPY_ROLE = "You are the SPY (you have the different picture).";
  static final String CIVILIAN_ROLE = "You are NOT the spy.";

  private PromptBuilder() {}

  /** The prompt of a clue or decision turn. */
  public static String build(TurnView view) {
    Objects.requireNonNull(view, "view");
    return view.kind() == TurnKind.CLUE ? cluePrompt(view) : decisionPrompt(view);
  }

  /** The prompt of a clue turn. */
  public static String cluePrompt(TurnView view) {
    requireKind(view, TurnKind.CLUE);
    StringBuilder prompt = new StringBuilder();
    rules(prompt, view);
    prompt.append("You are Player ").append(view.seat()).append(". ")
        .append(view.role() == Role.SPY ? SPY_ROLE : CIVILIAN_ROLE).append('\n');
    image(prompt, view);
    history(prompt, view.history());
    ownReasoning(prompt, view.ownReasoning());
    prompt.append("This is clue round ").append(view.round()).append(". Give one sentence that describes your ")
        .append("picture. ")
        .append(view.role() == Role.SPY
            ? "Blend in: do not reveal that your picture is different.\n"
            : "Help the others find the spy without giving your picture away to the spy.\n")
        .append("First reason, then write your clue as \\boxed{<one sentence>}.");
    return prompt.toString();
  }

  /** The prompt of a decision turn (the observer, or a voting civilian). */
  public static String decisionPrompt(TurnView view) {
    requireKind(view, TurnKind.DECISION);
    StringBuilder prompt = new StringBuilder();
    rules(prompt, view);
    if (view.role() == Role.OBSERVER) {
      prompt.append("You are the observer: you did not play, you see the civilians' picture.\n");
    } else {
      prompt.append("You are Player ").append(view.seat()).append(". ").append(CIVILIAN_ROLE).append('\n');
    }
    image(prompt, view);
    history(prompt, view.history());
    ownReasoning(prompt, view.ownReasoning());
    prompt.append("Which player is the spy? First reason, then answer \\boxed{k} with k from 1 to ")
        .append(view.numPlayers()).append(", or \\boxed{N/A} if you cannot tell.");
    return prompt.toString();
  }

  private static void rules(StringBuilder prompt, TurnView view) {
    prompt.append("We are playing \"Who is the Spy?\" with ").append(view.numPlayers())
        .append(" players, Player 1 to Player ").append(view.numPlayers())
        .append(". Every civilian has the same picture; the spy has a different one");
    if (!view.spyHint().isBlank()) {
      prompt.append(": ").append(view.spyHint().trim());
    }
    prompt.append(".\n");
  }

  private static void image(StringBuilder prompt, TurnView view) {
    if (view.blankImage()) {
      prompt.append("Your picture is blank.\n");
    }
  }

  private static void history(StringBuilder prompt, List<VisibleClue> history) {
    if (history.isEmpty()) {
      prompt.append(NO_CLUES_YET).append('\n');
      return;
    }
    prompt.append("Clues so far:\n");
    int round = -1;
    for (VisibleClue clue : history) {
      if (clue.round() != round) {
        round = clue.round();
        prompt.append("Round ").append(round).append(":\n");
      }
      prompt.append("Player ").append(clue.seat()).append(": ").append(clue.text()).append('\n');
    }
  }

  private static void ownReasoning(StringBuilder prompt, List<String> reasoning) {
    if (reasoning.isEmpty()) {
      return;
    }
    prompt.append("Your own earlier reasoning:\n");
    for (String step : reasoning) {
      prompt.append("- ").append(step).append('\n');
    }
  }

  private static void requireKind(TurnView view, TurnKind kind) {
    if (Objects.requireNonNull(view, "view").kind() != kind) {
      throw new IllegalArgumentException("turn " + view.turn() + " is a " + view.kind() + " turn, not " + kind);
    }
  }
}
