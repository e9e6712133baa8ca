package org.visionzero.workers.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.visionzero.events.PolicyRef;
import org.visionzero.game.view.TurnViews;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.workers.TestRequests;
import org.visionzero.workers.device.WorkerDevice;

/** The DJL model behind the worker's factory seam (CPU, a freshly initialised model). */
class ModelPolicyFactoryTest {
  private static final PolicyRef CURRENT = new PolicyRef("vz", -1);
  private static final ModelPolicyFactory FACTORY = ModelPolicyFactory.standard();
  private static byte[] version3;

  @BeforeAll
  static void saveCheckpoint() {
    version3 = FACTORY.initialCheckpoint(3, 11);
  }

  @Test
  void shouldAnswerCluesAndDecisionsAsTheCheckpointVersion() throws Exception {
    try (Policy policy = FACTORY.load(new PolicyRef("vz", 3), version3, WorkerDevice.CPU)) {
      List<ClueAnswer> clues = policy.clues(List.of(
          PolicyTurn.of(TurnViews.fromRequest(TestRequests.clue("g1", 0, CURRENT)), null),
          PolicyTurn.of(TurnViews.fromRequest(TestRequests.clue("g2", 1, CURRENT)), null)));
      List<DecisionAnswer> votes = policy.decisions(List.of(
          PolicyTurn.of(TurnViews.fromRequest(TestRequests.decision("g3", 8, CURRENT, 4)), null)));

      assertThat(clues).hasSize(2).allSatisfy(c -> {
        assertThat(c.policy()).isEqualTo(new PolicyRef("vz", 3));
        assertThat(c.tokenIds()).isNotEmpty();
      });
      assertThat(votes).singleElement().satisfies(d -> {
        assertThat(d.policy()).isEqualTo(new PolicyRef("vz", 3));
        assertThat(d.samples()).hasSize(4);
      });
    }
  }

  @Test
  void shouldRefuseCheckpointPublishedAsAnotherVersion() {
    assertThatThrownBy(() -> FACTORY.load(new PolicyRef("vz", 4), version3, WorkerDevice.CPU))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("holds version 3");
  }

  @Test
  void shouldRefuseCheckpointOfAnotherArchitecture() {
    ModelConfig standard = ModelConfig.standard(Vocabulary.standard().size());
    ModelConfig wider = new ModelConfig(standard.imageSize(), standard.conv1(), standard.conv2(), standard.conv3(),
        standard.imageDim(), standard.tokenDim(), standard.roleDim(), standard.hiddenDim() * 2,
        standard.attentionDim(), standard.decisionDim(), standard.vocabSize(), standard.maxPlayers(),
        standard.maxRounds(), standard.maxClueTokens(), standard.maxHistoryTokens());
    ModelPolicyFactory other = new ModelPolicyFactory(wider);

    assertThat(other.architecture("vz")).isNotEqualTo(FACTORY.architecture("vz"));
    assertThatThrownBy(() -> other.load(new PolicyRef("vz", 3), version3, WorkerDevice.CPU))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("architecture");
  }

  @Test
  void shouldRefuseBytesThatAreNotAModelCheckpoint() {
    byte[] garbage = "VZCK but not really".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> FACTORY.load(new PolicyRef("vz", 1), garbage, WorkerDevice.CPU))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("refused");
  }

  @Test
  void shouldNeedACheckpointEvenForTheBaseVersion() {
    assertThatThrownBy(() -> FACTORY.load(new PolicyRef("vz", 0), null, WorkerDevice.CPU))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("needs a checkpoint");
  }

  @Test
  void shouldMakeExampleCheckpointsThroughACombinedFactory() throws Exception {
    PolicyFactory combined = PolicyFactories.firstOf(
        List.of(FACTORY, new ScriptedPolicyFactory(Vocabulary.standard())));

    byte[] model = combined.exampleCheckpoint("vz", 2).orElseThrow();
    byte[] script = combined.exampleCheckpoint("random", 2).orElseThrow();

    try (Policy loaded = combined.load(new PolicyRef("vz", 2), model, WorkerDevice.CPU)) {
      assertThat(loaded.ref()).isEqualTo(new PolicyRef("vz", 2));
    }
    assertThat(combined.load(new PolicyRef("random", 2), script, WorkerDevice.CPU).ref().getVersion()).isEqualTo(2);
    assertThat(combined.exampleCheckpoint("nobody", 1)).isEmpty();
  }
}
