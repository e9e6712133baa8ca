package org.visionzero.ops.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.visionzero.hash.Sha256;

class ShippedV0Test {

  @Test
  void givenTheShippedResource_whenLoaded_thenItHasThePinnedSha256() {
    byte[] v0 = ShippedV0.bytes();

    assertThat(Sha256.hex(v0)).isEqualTo(ShippedV0.SHA256);
  }

  @Test
  void givenOneByteChanged_whenVerified_thenRefusedWithBothHashesAndTheFix() {
    byte[] tampered = ShippedV0.read(ShippedV0.RESOURCE);
    tampered[tampered.length / 2] ^= 1;

    assertThatThrownBy(() -> ShippedV0.verified(tampered))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the v0 shipped with vz (" + ShippedV0.RESOURCE + ") has sha256 " + Sha256.hex(tampered))
        .hasMessageContaining("not " + ShippedV0.SHA256)
        .hasMessageContaining("refused rather than trained from")
        .hasMessageContaining("git checkout -- " + ShippedV0.SOURCE_PATH)
        .hasMessageContaining("--v0 pretrain or --v0 FILE");
  }

  @Test
  void givenAMissingResource_whenRead_thenTheMessageSaysHowToGetItBack() {
    assertThatThrownBy(() -> ShippedV0.read("/org/visionzero/ops/v0/missing.vzck"))
        .hasMessageContaining("missing from the classpath")
        .hasMessageContaining("git checkout -- " + ShippedV0.SOURCE_PATH);
  }
}
