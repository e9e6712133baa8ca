package org.visionzero.game.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.BlobRef;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.VisibleClue;

class PromptReaderTest {
  private static final PolicyRef POLICY = new PolicyRef("vz", 3);
  private static final BlobRef IMAGE = BlobRef.newBuilder().setUri("blob:sha256/aa/a").setSha256("a".repeat(64))
      .setMediaType("image/png").setSize(10).build();
  private static final List<VisibleClue> HISTORY = List.of(
      new VisibleClue(1, 1, "red cube left", List.of(5, 6)),
      new VisibleClue(2, 1, "", List.of()),
      new VisibleClue(3, 1, "No valid clue provided.", List.of()),
      new VisibleClue(1, 2, "blue sphere", List.of()));

  @Test
  void givenASpyClueTurnWithHistory_whenReadBack_thenEveryFieldTheModelUsesIsRecovered() {
    TurnView view = view(TurnKind.CLUE, 2, 2, Role.SPY, 4, "two objects differ in colour and shape", IMAGE,
        HISTORY, List.of("I saw a cube"));

    PromptReader.ReadTurn read = PromptReader.read(PromptBuilder.build(view));

    assertThat(read.kind()).isEqualTo(TurnKind.CLUE);
    assertThat(read.seat()).isEqualTo(2);
    assertThat(read.round()).isEqualTo(2);
    assertThat(read.role()).isEqualTo(Role.SPY);
    assertThat(read.numPlayers()).isEqualTo(4);
    assertThat(read.spyHint()).isEqualTo("two objects differ in colour and shape");
    assertThat(read.blankImage()).isFalse();
    assertThat(read.history()).extracting(VisibleClue::seat, VisibleClue::round, VisibleClue::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1, "red cube left"),
            org.assertj.core.groups.Tuple.tuple(2, 1, ""),
            org.assertj.core.groups.Tuple.tuple(3, 1, "No valid clue provided."),
            org.assertj.core.groups.Tuple.tuple(1, 2, "blue sphere"));
    assertThat(read.ownReasoning()).containsExactly("I saw a cube");
  }

  @Test
  void givenTheFirstCivilianClueOnABlankImage_whenReadBack_thenNoHistoryAndBlank() {
    TurnView view = view(TurnKind.CLUE, 1, 1, Role.CIVILIAN, 5, "", null, List.of(), List.of());

    PromptReader.ReadTurn read = PromptReader.read(PromptBuilder.build(view));

    assertThat(read.role()).isEqualTo(Role.CIVILIAN);
    assertThat(read.numPlayers()).isEqualTo(5);
    assertThat(read.blankImage()).isTrue();
    assertThat(read.history()).isEmpty();
    assertThat(read.spyHint()).isEmpty();
  }

  @Test
  void givenTheObserversDecision_whenReadBack_thenDecisionOfSeatZero() {
    TurnView view = view(TurnKind.DECISION, 0, 0, Role.OBSERVER, 4, "hint.", IMAGE, HISTORY, List.of());

    PromptReader.ReadTurn read = PromptReader.read(PromptBuilder.build(view));

    assertThat(read.kind()).isEqualTo(TurnKind.DECISION);
    assertThat(read.seat()).isZero();
    assertThat(read.role()).isEqualTo(Role.OBSERVER);
    assertThat(read.spyHint()).isEqualTo("hint.");
    assertThat(read.history()).hasSize(4);
  }

  @Test
  void givenAPromptOfAnotherTemplate_whenRead_thenTheMessageNamesTheLine() {
    assertThatThrownBy(() -> PromptReader.read("Describe this image."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the rules line").hasMessageContaining("Describe this image.");
    String truncated = PromptBuilder.build(view(TurnKind.CLUE, 1, 1, Role.SPY, 4, "", IMAGE, List.of(), List.of()))
        .lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow();
    assertThatThrownBy(() -> PromptReader.read(truncated)).hasMessageContaining("prompt ends before");
  }

  private static TurnView view(TurnKind kind, int seat, int round, Role role, int players, String hint, BlobRef image,
      List<VisibleClue> history, List<String> reasoning) {
    return new TurnView("g-1", 3, 1, kind, seat, round, role, players, image, hint, history, reasoning,
        kind == TurnKind.DECISION ? 8 : 1, 0.8f, 42L, POLICY);
  }
}
