package org.visionzero.workers.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.PolicyRef;
import org.visionzero.game.view.TurnViews;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.workers.TestRequests;
import org.visionzero.workers.device.WorkerDevice;

class ScriptedPolicyFactoryTest {
  private final ScriptedPolicyFactory factory = new ScriptedPolicyFactory(Vocabulary.standard());

  @Test
  void shouldBuildBaseVersionWithoutCheckpoint() throws Exception {
    Policy policy = factory.load(new PolicyRef("random", 0), null, WorkerDevice.CPU);

    assertThat(policy.ref()).isEqualTo(new PolicyRef("random", 0));
  }

  @Test
  void shouldStampEveryAnswerWithTheCheckpointVersion() throws Exception {
    byte[] checkpoint = new ScriptedCheckpoint("random", 7).toBytes();
    Policy policy = factory.load(new PolicyRef("random", 7), checkpoint, WorkerDevice.CPU);

    List<ClueAnswer> answers = policy.clues(List.of(PolicyTurn.of(
        TurnViews.fromRequest(TestRequests.clue("g", 0, new PolicyRef("random", -1))), null)));

    assertThat(answers).singleElement().extracting(ClueAnswer::policy).isEqualTo(new PolicyRef("random", 7));
  }

  @Test
  void shouldRefuseLaterVersionWithoutCheckpoint() {
    assertThatThrownBy(() -> factory.load(new PolicyRef("random", 3), null, WorkerDevice.CPU))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("needs a checkpoint");
  }

  @Test
  void shouldRefuseCheckpointOfAnotherVersion() {
    byte[] checkpoint = new ScriptedCheckpoint("random", 2).toBytes();

    assertThatThrownBy(() -> factory.load(new PolicyRef("random", 3), checkpoint, WorkerDevice.CPU))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("random@2");
  }

  @Test
  void shouldRefuseBytesThatAreNotACheckpoint() {
    byte[] garbage = "weights=??".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> factory.load(new PolicyRef("oracle", 1), garbage, WorkerDevice.CPU))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("not a scripted checkpoint");
  }

  @Test
  void shouldHandleOnlyScriptedNames() {
    assertThat(factory.handles("random")).isTrue();
    assertThat(factory.handles("oracle")).isTrue();
    assertThat(factory.handles("vz")).isFalse();
    assertThatThrownBy(() -> factory.load(new PolicyRef("vz", 0), null, WorkerDevice.CPU))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("'vz'");
  }

  @Test
  void shouldDelegateToTheFirstFactoryHandlingAName() throws Exception {
    PolicyFactory combined = PolicyFactories.firstOf(List.of(factory));

    assertThat(combined.architecture("random")).isEqualTo("scripted/random");
    assertThat(combined.load(new PolicyRef("oracle", 0), null, WorkerDevice.CPU).ref().getName())
        .isEqualTo("oracle");
    assertThatThrownBy(() -> combined.load(new PolicyRef("vz", 0), null, WorkerDevice.CPU))
        .isInstanceOf(PolicyLoadException.class);
  }
}
