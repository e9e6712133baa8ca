package org.visionzero.game.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.visionzero.game.testing.Games.T0;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.events.GameRequested;
import org.visionzero.events.GameStarted;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ImageSource;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.fold.GameCommand.StartGame;
import org.visionzero.game.testing.Games;

class GameCommandTest {
  private static final ImagePairCreated PAIR = ImagePairCreated.newBuilder().setEventId("pair/p1")
      .setOccurredAt(T0).setPairId("p1").setSource(ImageSource.SCENES).setOriginal(Games.ORIGINAL)
      .setModified(Games.MODIFIED).setDifferences(List.of()).setSpyHint(Games.HINT).build();

  @Test
  void shouldStartATrainingGameWithOnePolicyEverywhere() {
    StartGame start = StartGame.training("g-p1-3", PAIR, Games.POLICY, 9L, T0);

    assertThat(start.purpose()).isEqualTo(Purpose.TRAINING);
    assertThat(List.of(start.civilianPolicy(), start.spyPolicy(), start.decisionPolicy())).containsOnly(Games.POLICY);
    assertThat(start.requestId()).isNull();
    assertThat(start.blankDecisionImage()).isFalse();
    GameStarted started = new GameDecider(GameConfig.code()).decide(GameState.empty(), start).applyTo(
        GameState.empty()).started();
    assertThat(started.getPairId()).isEqualTo("p1");
    assertThat(started.getRequestId()).isNull();
  }

  @Test
  void shouldStartARequestedGameWithThePinnedPolicies() {
    GameRequested request = GameRequested.newBuilder().setEventId("eval/r/1").setOccurredAt(T0).setPairId("p1")
        .setPurpose(Purpose.EVALUATION).setCivilianPolicy(new PolicyRef("vz", 5)).setSpyPolicy(new PolicyRef("vz", 0))
        .setDecisionPolicy(new PolicyRef("vz", 0)).setBlankDecisionImage(true).setTags(Map.of("arm", "spy"))
        .build();

    StartGame start = StartGame.requested("g-eval-r-1", request, PAIR, 4L, T0);

    assertThat(start.requestId()).isEqualTo("eval/r/1");
    assertThat(start.spyPolicy()).isEqualTo(new PolicyRef("vz", 0));
    assertThat(start.civilianPolicy()).isEqualTo(new PolicyRef("vz", 5));
    assertThat(start.blankDecisionImage()).isTrue();
    assertThat(start.tags()).containsEntry("arm", "spy");
    request.setPairId("other");
    assertThatThrownBy(() -> StartGame.requested("g", request, PAIR, 4L, T0))
        .hasMessageContaining("is for pair other, not p1");
  }

  @Test
  void shouldRejectIncompleteCommands() {
    assertThatThrownBy(() -> StartGame.training(" ", PAIR, Games.POLICY, 1, T0)).hasMessageContaining("gameId");
    assertThatThrownBy(() -> new GameCommand.CheckTimeouts(null)).hasMessageContaining("now");
    assertThatThrownBy(() -> Decision.ignored(" ")).hasMessageContaining("needs a reason");
    assertThatThrownBy(() -> new PendingTurn(0, 0, Instant.EPOCH)).hasMessageContaining("attempt >= 1");
  }

  @Test
  void shouldTruncateTimesToTheMillisecondsTheLogKeeps() {
    Instant precise = T0.plusNanos(1_234_567);
    StartGame start = new StartGame("g-ms", "p1", Games.ORIGINAL, Games.MODIFIED, "", Purpose.TRAINING,
        Games.POLICY, Games.POLICY, Games.POLICY, false, 1L, null, Map.of(), precise);

    Decision decision = new GameDecider(GameConfig.code()).decide(GameState.empty(), start);

    assertThat(decision.events().get(0).getOccurredAt()).isEqualTo(T0.plusMillis(1));
    GameState state = decision.applyTo(GameState.empty());
    assertThat(GameStateCodec.fromBytes(GameStateCodec.toBytes(state))).isEqualTo(state);
  }
}
