package org.visionzero.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InvalidRecordExceptionTest {

  @Test
  void shouldLeadItsMessageWithTheReasonCode() {
    InvalidRecordException e = new InvalidRecordException("clue-too-long", "game g: 5000 bytes");

    assertThat(e.reason()).isEqualTo("clue-too-long");
    assertThat(e).hasMessage("clue-too-long: game g: 5000 bytes").isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseAReasonThatIsNotACode() {
    assertThatThrownBy(() -> new InvalidRecordException("Clue too long", "x"))
        .hasMessageContaining("lower-case words joined by '-'");
  }
}
