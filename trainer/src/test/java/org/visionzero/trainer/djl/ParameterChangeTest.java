package org.visionzero.trainer.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterChangeTest {

  @Test
  void shouldCountChangedWeightsAndTheirSizePerPart() {
    Map<String, float[]> before = new LinkedHashMap<>();
    before.put("encoder.fc.w", new float[] {1, 2});
    before.put("decoder.out.w", new float[] {0, 0, 0, 0});
    before.put("decision.abstain", new float[] {5});
    Map<String, float[]> after = new LinkedHashMap<>();
    after.put("encoder.fc.w", new float[] {1, 2});
    after.put("decoder.out.w", new float[] {0.5f, -0.25f, 0, 0});
    after.put("decision.abstain", new float[] {5});
    after.put("listener.out.w", new float[] {0, 0, 0, 0}); // only one side has it: left out

    ParameterChange change = ParameterChange.between(before, after);

    assertThat(change.part("decoder.").weights()).isEqualTo(4);
    assertThat(change.part("decoder.").changed()).isEqualTo(2);
    assertThat(change.part("decoder.").meanAbs()).isCloseTo(0.1875, within(1e-12));
    assertThat(change.part("decoder.").maxAbs()).isEqualTo(0.5);
    assertThat(change.part("encoder.").changed()).isZero();
    assertThat(change.part("listener.").weights()).isZero();
    assertThat(change.describe()).isEqualTo("encoder 0/2; decoder 2/4 (mean |Δ| 1.9e-01, max 5.0e-01); decision 0/1");
  }
}
