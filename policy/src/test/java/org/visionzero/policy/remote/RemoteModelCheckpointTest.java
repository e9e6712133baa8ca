package org.visionzero.policy.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RemoteModelCheckpointTest {

  @Test
  void shouldRoundTripTheModelName() {
    assertThat(RemoteModelCheckpoint.decode(RemoteModelCheckpoint.encode("qwen-vz-lora-12"))).contains("qwen-vz-lora-12");
  }

  @Test
  void shouldReadOtherBytesAsNoModel() {
    assertThat(RemoteModelCheckpoint.decode(new byte[] {1, 2, 3})).isEmpty();
    assertThat(RemoteModelCheckpoint.decode("model=x\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(RemoteModelCheckpoint.decode(null)).isEmpty();
  }

  @Test
  void shouldRefuseANameWithWhitespace() {
    assertThatThrownBy(() -> RemoteModelCheckpoint.encode("two words")).hasMessageContaining("no whitespace");
  }
}
