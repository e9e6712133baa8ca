package org.visionzero.workers.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.remote.RemoteModelCheckpoint;
import org.visionzero.policy.remote.RemotePolicy;
import org.visionzero.policy.remote.RemoteSettings;
import org.visionzero.workers.device.WorkerDevice;

/** Which model a remote version asks for; nothing is sent (no request is made by loading). */
class RemotePolicyFactoryTest {
  private static final RemoteSettings SETTINGS = RemoteSettings.defaults(URI.create("http://127.0.0.1:9/v1"), "");
  private final RemotePolicyFactory factory = new RemotePolicyFactory(
      new ScriptedPolicyFactory(Vocabulary.standard()), Set.of("outside", "random"), SETTINGS);

  @Test
  void givenACheckpointThatNamesAModel_thenTheVersionAsksForThatModel() throws Exception {
    RemotePolicy policy = (RemotePolicy) factory.load(new PolicyRef("outside", 3),
        RemoteModelCheckpoint.encode("outside-lora-3"), WorkerDevice.CPU);

    assertThat(policy.model()).isEqualTo("outside-lora-3");
    assertThat(policy.ref()).isEqualTo(new PolicyRef("outside", 3));
    assertThat(factory.architecture("outside")).isEqualTo(RemoteModelCheckpoint.ARCHITECTURE);
  }

  @Test
  void givenARemoteOnlyPolicysCheckpointThatNamesNoModel_thenItIsRefusedWithTheReason() {
    assertThatThrownBy(() -> factory.load(new PolicyRef("outside", 4), new byte[] {1, 2, 3}, WorkerDevice.CPU))
        .isInstanceOf(PolicyLoadException.class)
        .hasMessageContaining("outside@4 names no model")
        .hasMessageContaining(RemoteModelCheckpoint.MEDIA_TYPE);
  }

  @Test
  void givenALocallyKnownPolicysOwnCheckpoint_thenTheModelTemplateNamesTheVersion() throws Exception {
    byte[] own = new ScriptedCheckpoint("random", 2).toBytes();

    RemotePolicy policy = (RemotePolicy) factory.load(new PolicyRef("random", 2), own, WorkerDevice.CPU);

    assertThat(policy.model()).isEqualTo("random-v2");
  }
}
