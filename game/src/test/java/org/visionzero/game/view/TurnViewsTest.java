package org.visionzero.game.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.visionzero.game.testing.Games.T0;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.Role;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.fold.GameCommand;
import org.visionzero.game.fold.GameDecider;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.fold.TurnRequests;
import org.visionzero.game.testing.Games;
import org.visionzero.game.testing.ScoredGames;
import org.visionzero.game.text.PromptBuilder;

class TurnViewsTest {
  private static final String GAME = "g-view";
  private final GameDecider decider = new GameDecider(GameConfig.code());

  @Test
  void shouldRebuildTheSameViewFromTheTurnRequest() {
    GameState state = cluesPlayed(5);

    TurnView view = TurnViews.forPendingTurn(state, 5, 0.8f);
    TurnRequested request = TurnRequests.forTurn(state, 5, GameConfig.code());

    assertThat(TurnViews.fromRequest(request)).isEqualTo(view);
    assertThat(view.seat()).isEqualTo(2);
    assertThat(view.round()).isEqualTo(2);
    assertThat(view.ownReasoning()).containsExactly("reasoning of seat 2 round 1");
    assertThat(view.history()).extracting(VisibleClue::text).containsExactly("clue of seat 1 round 1",
        "clue of seat 2 round 1", "clue of seat 3 round 1", "clue of seat 4 round 1", "clue of seat 1 round 2");
    assertThat(view.blankImage()).isFalse();
    assertThat(request.getPurpose()).isEqualTo(Purpose.EVALUATION);
    assertThatThrownBy(() -> TurnViews.forPendingTurn(state, 6, 0.8f)).hasMessageContaining("is not due");
  }

  @Test
  void givenARequestWithANegativeSeatOrTurn_whenViewed_thenRefusedWithTheReason() {
    TurnRequested request = TurnRequests.forTurn(cluesPlayed(5), 5, GameConfig.code());

    assertThatThrownBy(() -> TurnViews.fromRequest(TurnRequested.newBuilder(request).setSeat(-1).build()))
        .isInstanceOf(org.visionzero.deadletter.InvalidRecordException.class)
        .hasMessageStartingWith("seat-out-of-range: ").hasMessageContaining("seat -1");
    assertThatThrownBy(() -> TurnViews.fromRequest(TurnRequested.newBuilder(request).setSeat(0).build()))
        .hasMessageStartingWith("seat-out-of-range: ");
    assertThatThrownBy(() -> TurnViews.fromRequest(TurnRequested.newBuilder(request).setTurn(-3).build()))
        .hasMessageStartingWith("turn-out-of-range: ");
  }

  @Test
  void shouldPromptTheFirstSpeakerThatThereAreNoCluesYet() {
    GameState state = cluesPlayed(0);
    TurnView first = TurnViews.forPendingTurn(state, 0, 0.8f);

    String prompt = PromptBuilder.build(first);

    assertThat(prompt).contains("There are no clues yet", "You are Player 1.", "two objects differ",
        "\\boxed{<one sentence>}", "clue round 1");
    assertThat(prompt).contains(first.role() == Role.SPY ? "You are the SPY (you have the different picture)."
        : "You are NOT the spy.");
  }

  @Test
  void shouldPromptWithCluesByRoundAndOwnReasoningButNoOtherReasoning() {
    GameState state = cluesPlayed(6);
    TurnView view = TurnViews.forPendingTurn(state, 6, 0.8f);

    String prompt = PromptBuilder.cluePrompt(view);

    assertThat(prompt).contains("Round 1:\nPlayer 1: clue of seat 1 round 1\nPlayer 2: clue of seat 2 round 1\n"
        + "Player 3: clue of seat 3 round 1\nPlayer 4: clue of seat 4 round 1\nRound 2:\n"
        + "Player 1: clue of seat 1 round 2\nPlayer 2: clue of seat 2 round 2\n");
    assertThat(prompt).contains("Your own earlier reasoning:\n- reasoning of seat 3 round 1");
    assertThat(prompt).doesNotContain("reasoning of seat 1", "reasoning of seat 2", "There are no clues yet");
  }

  @Test
  void shouldPromptTheObserverToVoteForASeatOrAbstain() {
    TurnView observer = TurnViews.forPendingTurn(cluesPlayed(8), 8, 0.8f);

    String prompt = PromptBuilder.build(observer);

    assertThat(observer.kind()).isEqualTo(TurnKind.DECISION);
    assertThat(observer.samples()).isEqualTo(8);
    assertThat(prompt).contains("You are the observer", "\\boxed{k} with k from 1 to 4", "\\boxed{N/A}",
        "Player 4: clue of seat 4 round 2");
    assertThat(prompt).doesNotContain("reasoning of seat");
    assertThatThrownBy(() -> PromptBuilder.cluePrompt(observer)).hasMessageContaining("is a DECISION turn");
    assertThatThrownBy(() -> PromptBuilder.decisionPrompt(TurnViews.forPendingTurn(cluesPlayed(0), 0, 0.8f)))
        .hasMessageContaining("is a CLUE turn");
  }

  @Test
  void shouldTellAVotingCivilianAndABlankSpyWhatTheySee() {
    TurnView blankSpy = new TurnView(GAME, 1, 1, TurnKind.CLUE, 2, 1, Role.SPY, 5, null, "", List.of(), List.of(),
        1, 0.8f, 1L, new PolicyRef("vz", 1));
    TurnView voter = new TurnView(GAME, 10, 1, TurnKind.DECISION, 3, 0, Role.CIVILIAN, 5, Games.ORIGINAL,
        Games.HINT, List.of(new VisibleClue(1, 1, "a red cube", List.of())), List.of("I said red"), 1, 0.8f, 1L,
        new PolicyRef("vz", 1));

    assertThat(PromptBuilder.build(blankSpy)).contains("Your picture is blank.", "You are the SPY",
        "the spy has a different one.\n", "Blend in");
    assertThat(PromptBuilder.build(voter)).contains("You are Player 3. You are NOT the spy.",
        "Player 1: a red cube", "- I said red", "k from 1 to 5");
  }

  private GameState cluesPlayed(int turns) {
    GameState state = decider.decide(GameState.empty(), Games.start(GAME, 11)).applyTo(GameState.empty());
    for (int turn = 0; turn < turns; turn++) {
      state = decider.decide(state, new GameCommand.RecordClue(
          Games.clue(GAME, turn, 1, turn % 4 + 1, turn / 4 + 1, T0.plusSeconds(turn)))).applyTo(state);
    }
    return state;
  }

  @Test
  void shouldRebuildAScoredClueTurnWithTheCluesSpokenBeforeIt() {
    ScoredTrajectory game = ScoredGames.played();
    int spy = game.getSpySeat();

    TurnView view = TurnViews.forScoredTurn(game, GameConfig.code(), TurnKind.CLUE, spy, 2, Games.POLICY, "hint");

    assertThat(view.turn()).isEqualTo(4 + spy - 1);
    assertThat(view.role()).isEqualTo(Role.SPY);
    assertThat(view.samples()).isEqualTo(1);
    assertThat(view.history()).hasSize(4 + spy - 1).allSatisfy(clue ->
        assertThat(clue.round() < 2 || clue.seat() < spy).isTrue());
    assertThat(view.history()).isSortedAccordingTo((a, b) -> a.round() != b.round()
        ? Integer.compare(a.round(), b.round()) : Integer.compare(a.seat(), b.seat()));
    assertThat(view.spyHint()).isEqualTo("hint");
    assertThat(TurnViews.imageShown(view, GameConfig.code(), false)).isEqualTo(ShownImage.MODIFIED);
    assertThat(TurnViews.imageShown(view, GameConfig.code().toBuilder().blankSpyImage(true).build(), false))
        .isEqualTo(ShownImage.BLANK);
  }

  @Test
  void shouldRebuildTheScoredObserverTurnWithEveryClue() {
    ScoredTrajectory game = ScoredGames.played();

    TurnView view = TurnViews.forScoredTurn(game, GameConfig.code(), TurnKind.DECISION, 0, 0, Games.REFEREE, "");

    assertThat(view.turn()).isEqualTo(8);
    assertThat(view.role()).isEqualTo(Role.OBSERVER);
    assertThat(view.samples()).isEqualTo(GameConfig.code().decisionSamples());
    assertThat(view.history()).hasSize(8);
    assertThat(TurnViews.imageShown(view, GameConfig.code(), false)).isEqualTo(ShownImage.ORIGINAL);
    assertThat(TurnViews.imageShown(view, GameConfig.code(), true)).isEqualTo(ShownImage.BLANK);
    assertThatThrownBy(() -> TurnViews.forScoredTurn(game, GameConfig.paper(), TurnKind.DECISION, 0, 0,
        Games.REFEREE, "")).hasMessageContaining("train with the rules (mode) the game was played with");
  }

  @Test
  void shouldRebuildTheTurnsOfAGameWithOtherPlayersAndRoundsThanTheModesFromTheGameItself() {
    GameConfig played = GameConfig.code().toBuilder().numPlayers(3).clueRounds(3).build();
    ScoredTrajectory game = ScoredGames.played(played);

    TurnView lastClue = TurnViews.forScoredTurn(game, GameConfig.code(), TurnKind.CLUE, 3, 3, Games.POLICY, "");
    TurnView decision = TurnViews.forScoredTurn(game, GameConfig.code(), TurnKind.DECISION, 0, 0, Games.REFEREE, "");

    assertThat(lastClue.turn()).isEqualTo(8);
    assertThat(lastClue.numPlayers()).isEqualTo(3);
    assertThat(lastClue.history()).hasSize(8);
    assertThat(decision.turn()).isEqualTo(9);
    assertThat(decision.history()).hasSize(9);
  }
}
