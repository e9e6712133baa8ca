package org.visionzero.logtools.rescore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RescoreFromTest {

  @Test
  void shouldReadBeginningTimeAndOffsetsWhenParsed() {
    assertThat(RescoreFrom.parse("beginning").isBeginning()).isTrue();
    assertThat(RescoreFrom.parse(" ").isBeginning()).isTrue();
    assertThat(RescoreFrom.parse("2026-11-27T09:00:00Z").time()).isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
    assertThat(RescoreFrom.parse("0:120, 3:98").offsets()).isEqualTo(Map.of(0, 120L, 3, 98L));
  }

  @Test
  void shouldSayWhatIsExpectedWhenTheTextIsNeitherFormat() {
    assertThatThrownBy(() -> RescoreFrom.parse("yesterday"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> RescoreFrom.parse("0:-1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partition:offset");
    assertThatThrownBy(() -> RescoreFrom.parse("0:1:2"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partition:offset");
  }
}
