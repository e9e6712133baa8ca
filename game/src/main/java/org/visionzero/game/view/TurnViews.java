package org.visionzero.game.view;

import java.util.Comparator;
import java.util.List;
import org.visionzero.events.BlobRef;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.GameStarted;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.fold.PendingTurn;
import org.visionzero.game.rules.Seeds;
import org.visionzero.game.rules.TurnPlan;
import org.visionzero.game.rules.TurnSlot;

/**
 * Builds what a seat sees at its turn from the game state: its own image (the spy's, possibly blank, for the
 * spy; the decision image for the decision stage), its role, the rules sentence, every earlier clue in round
 * then seat order (clues only, never another seat's reasoning) and its own earlier reasoning.
 */
public final class TurnViews {
  /** Clues are spoken round by round, seats 1..N in each. */
  private static final Comparator<VisibleClue> SPEAKING_ORDER =
      Comparator.comparingInt(VisibleClue::round).thenComparingInt(VisibleClue::seat);

  private TurnViews() {}

  /** The view of a turn that is due, at its current attempt. */
  public static TurnView forPendingTurn(GameState state, int turn, float temperature) {
    PendingTurn due = state.pending().get(turn);
    if (due == null) {
      throw new IllegalArgumentException("turn " + turn + " of game " + state.gameId() + " is not due");
    }
    GameStarted started = state.started();
    TurnSlot slot = state.plan().slot(turn);
    // Clue turns run in order, so every accepted clue was spoken before this turn.
    List<VisibleClue> history = state.clues().stream()
        .map(clue -> new VisibleClue(clue.getSeat(), clue.getRound(), clue.getText(),
            clue.getSample().getTokenIds()))
        .sorted(SPEAKING_ORDER)
        .toList();
    List<String> ownReasoning = slot.seat() == 0 ? List.of() : state.clues().stream()
        .filter(clue -> clue.getSeat() == slot.seat())
        .map(ClueGiven::getReasoning)
        .toList();
    return new TurnView(state.gameId(), turn, due.attempt(), slot.kind(), slot.seat(), slot.round(), slot.role(),
        started.getNumPlayers(), imageOf(started, slot), started.getSpyHint(), history, ownReasoning,
        slot.samples(), temperature, Seeds.samplingSeed(started.getSeed(), turn, due.attempt()),
        policyOf(started, slot));
  }

  /** The view a worker reconstructs from a turn request. */
  public static TurnView fromRequest(TurnRequested request) {
    List<VisibleClue> history = request.getHistory().stream()
        .map(clue -> new VisibleClue(clue.getSeat(), clue.getRound(), clue.getText(), clue.getTokenIds()))
        .toList();
    return new TurnView(request.getGameId(), request.getTurn(), request.getAttempt(), request.getKind(),
        request.getSeat(), request.getRound(), request.getRole(), request.getNumPlayers(), request.getImage(),
        request.getSpyHint(), history, request.getOwnReasoning(), request.getSamples(), request.getTemperature(),
        request.getSamplingSeed(), request.getPolicy());
  }

  /**
   * The view a seat had at a turn of a scored game, rebuilt from the trajectory so that the log-probs of what it
   * sampled can be recomputed on the same input: its slot of the turn plan, the clues spoken before it in round then
   * seat order (all of them at a decision turn) and the rules sentence. What a trajectory does not keep is left
   * out: the image reference (see {@link #imageShown}), the seat's own reasoning and the sampling seed (0).
   *
   * @param seat  the speaker for a clue turn; the voter (0 = observer) for a decision turn
   * @param round the clue round; 0 for a decision turn
   */
  public static TurnView forScoredTurn(ScoredTrajectory game, GameConfig rules, TurnKind kind, int seat, int round,
      PolicyRef policy, String spyHint) {
    // A game records its players; its rounds are those its clues were given in (a run may change either).
    int rounds = game.getClues().stream().mapToInt(clue -> clue.getRound()).max().orElse(rules.clueRounds());
    TurnPlan plan = TurnPlan.of(game.getNumPlayers(), rounds, game.getSpySeat(), rules.decisionMode(),
        rules.decisionSamples());
    TurnSlot slot = plan.slots().stream()
        .filter(s -> s.kind() == kind && s.seat() == seat && s.round() == round)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("game " + game.getGameId() + " has no " + kind
            + " turn of seat " + seat + " in round " + round + " under these rules (" + rounds
            + " rounds, " + rules.decisionMode() + "): train with the rules (mode) the game was played with"));
    List<VisibleClue> history = game.getClues().stream()
        .map(clue -> new VisibleClue(clue.getSeat(), clue.getRound(), clue.getText(),
            clue.getSample().getTokenIds()))
        .filter(clue -> kind == TurnKind.DECISION || clue.round() < round
            || (clue.round() == round && clue.seat() < seat))
        .sorted(SPEAKING_ORDER)
        .toList();
    return new TurnView(game.getGameId(), slot.turn(), 1, kind, seat, round, slot.role(), game.getNumPlayers(), null,
        spyHint, history, List.of(), slot.samples(), rules.temperature(), 0L, policy);
  }

  /**
   * Which picture a turn shows its seat: the spy the odd one (blank when the rules blank it), the decision stage the
   * original (blank for the no-image control), everyone else the original. {@code GameDecider} makes the same
   * choice when it starts a game.
   */
  public static ShownImage imageShown(TurnView view, GameConfig rules, boolean blankDecisionImage) {
    if (view.kind() == TurnKind.DECISION) {
      return blankDecisionImage ? ShownImage.BLANK : ShownImage.ORIGINAL;
    }
    if (view.role() == Role.SPY) {
      return rules.blankSpyImage() ? ShownImage.BLANK : ShownImage.MODIFIED;
    }
    return ShownImage.ORIGINAL;
  }

  private static BlobRef imageOf(GameStarted started, TurnSlot slot) {
    if (slot.kind() == TurnKind.DECISION) {
      return started.getDecisionImage();
    }
    return slot.role() == Role.SPY ? started.getSpyImage() : started.getCivilianImage();
  }

  private static PolicyRef policyOf(GameStarted started, TurnSlot slot) {
    if (slot.kind() == TurnKind.DECISION) {
      return started.getDecisionPolicy();
    }
    return slot.role() == Role.SPY ? started.getSpyPolicy() : started.getCivilianPolicy();
  }
}
