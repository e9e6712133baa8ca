package org.visionzero.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class Sha256Test {

  @Test
  void shouldGiveTheStandardDigestAsLowerCaseHex() {
    // FIPS 180-2, appendix B.1: SHA-256("abc")
    assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void shouldAcceptExactlySixtyFourLowerCaseHexCharacters() {
    String hash = Sha256.hex(new byte[0]);

    assertThat(Sha256.isValid(hash)).isTrue();
    assertThat(Sha256.isValid(hash.toUpperCase(Locale.ROOT))).isFalse();
    assertThat(Sha256.isValid(hash.substring(1))).isFalse();
    assertThat(Sha256.isValid(hash + "0")).isFalse();
    assertThat(Sha256.isValid("../" + hash.substring(3))).isFalse();
    assertThat(Sha256.isValid(null)).isFalse();
  }
}
