package org.visionzero.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.ops.config.ConfigLoader;
import org.visionzero.ops.config.ConfigSources;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.model.VzModel;

/** {@code VZ_POLICY_ECHO=off ./vz run}: v0 is published with its echo logits off, everything else as shipped. */
class ModelRuntimeEchoTest {
  @TempDir
  Path workDir;

  @Test
  void shouldPublishTheShippedV0WithItsEchoOffWhenTheEnvironmentSaysSo() throws Exception {
    VzRunConfig config = ConfigLoader.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new,
        new ConfigSources(Optional.empty(), Map.of("VZ_POLICY_ECHO", "off"), Map.of()));
    assertThat(config.echo()).isFalse();
    List<String> progress = new ArrayList<>();

    PolicyRuntime.V0 v0 = PolicyRuntimes.forConfig(config).createV0(workDir, progress::add);

    byte[] shipped = ShippedV0.bytes();
    try (VzModel off = Checkpoints.load(v0.bytes(), Checkpoints.sha256(v0.bytes()), Device.cpu());
        VzModel on = Checkpoints.load(shipped, Checkpoints.sha256(shipped), Device.cpu())) {
      assertThat(off.echoOff()).isTrue();
      assertThat(on.echoOff()).isFalse();
      off.parameters().values().forEach((name, values) -> {
        if (!name.equals(ParameterSet.ECHO_LOGITS)) {
          assertThat(Arrays.equals(values, on.parameters().get(name).toFloatArray())).as(name).isTrue();
        }
      });
    }
    assertThat(v0.description()).endsWith("echo off");
    assertThat(progress).anyMatch(line -> line.contains("policy.echo=off"));
  }

  @Test
  void shouldPublishTheShippedV0AsItIsByDefault() throws Exception {
    VzRunConfig config = new VzRunConfig(Map.of());
    assertThat(config.echo()).isTrue();

    PolicyRuntime.V0 v0 = new ModelRuntime(64, Duration.ZERO, 1, 0, config.v0(), config.echo())
        .createV0(workDir, line -> { });

    assertThat(v0.bytes()).isEqualTo(ShippedV0.bytes());
  }
}
