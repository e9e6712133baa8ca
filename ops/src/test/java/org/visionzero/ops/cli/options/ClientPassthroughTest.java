package org.visionzero.ops.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientPassthroughTest {

  @Test
  void shouldCopyFileClientSettingsUnderTheModulesPrefixAndKeepTheRest() {
    Map<String, Object> values = Map.of(
        "kafka.client.security.protocol", "SASL_SSL",
        "kafka.client.sasl.mechanism", "PLAIN",
        "topic.prefix", "vz.");

    Map<String, Object> adapted = ClientPassthrough.renamedTo("streams.", values);

    assertThat(adapted)
        .containsEntry("streams.security.protocol", "SASL_SSL")
        .containsEntry("streams.sasl.mechanism", "PLAIN")
        .containsEntry("topic.prefix", "vz.")
        .containsEntry("kafka.client.security.protocol", "SASL_SSL")
        .hasSize(5);
  }

  @Test
  void shouldLeaveValuesWithoutClientSettingsAsTheyAre() {
    assertThat(ClientPassthrough.renamedTo("client.", Map.of("a", 1))).isEqualTo(Map.of("a", 1));
  }
}
