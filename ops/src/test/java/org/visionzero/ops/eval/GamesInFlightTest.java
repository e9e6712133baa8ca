package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GamesInFlightTest {

  private static final Instant T0 = Instant.parse("2026-12-06T02:00:00Z");
  private static final Duration STALL = Duration.ofMinutes(2);

  private final GamesInFlight window = new GamesInFlight(2, STALL, T0);

  @Test
  void shouldHaveRoomForAtMostMaxGamesAwaitingResults() {
    window.sent();
    window.sent();

    assertThat(window.hasRoom()).isFalse();
    window.received(T0.plusSeconds(1));
    assertThat(window.hasRoom()).isTrue();
    assertThat(window.count()).isEqualTo(1);
  }

  @Test
  void givenNoResultForTheStallTimeout_thenTheGamesOutAreCountedAsLost() {
    window.sent();
    window.sent();

    assertThat(window.dropIfStalled(T0.plus(STALL))).isZero();
    assertThat(window.dropIfStalled(T0.plus(STALL).plusMillis(1))).isEqualTo(2);
    assertThat(window.count()).isZero();
    assertThat(window.hasRoom()).isTrue();
  }

  @Test
  void givenAResult_thenTheStallTimeoutCountsFromIt() {
    window.sent();
    window.sent();
    window.received(T0.plusSeconds(60));

    assertThat(window.dropIfStalled(T0.plus(STALL).plusSeconds(1))).isZero();
    assertThat(window.dropIfStalled(T0.plusSeconds(60).plus(STALL).plusMillis(1))).isEqualTo(1);
  }

  @Test
  void givenNothingOut_thenNothingIsEverLost() {
    assertThat(window.dropIfStalled(T0.plus(Duration.ofHours(1)))).isZero();
  }
}
