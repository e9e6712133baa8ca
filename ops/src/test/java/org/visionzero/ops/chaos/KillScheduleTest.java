package org.visionzero.ops.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KillScheduleTest {

  private static final KillInterval TEN_TO_TWENTY = new KillInterval(Duration.ofSeconds(10), Duration.ofSeconds(20));
  private static final ChaosTarget BROKER_1 = new ChaosTarget("broker-1", ComponentKind.BROKER);
  private static final ChaosTarget BROKER_2 = new ChaosTarget("broker-2", ComponentKind.BROKER);
  private static final ChaosTarget WORKER_1 = new ChaosTarget("worker-1", ComponentKind.WORKER);
  private static final ChaosTarget TRAINER = new ChaosTarget("trainer", ComponentKind.TRAINER);
  private static final List<ChaosTarget> ALL = List.of(BROKER_1, BROKER_2, WORKER_1, TRAINER);
  private static final int DRAWS = 500;

  @Test
  void givenTheSameSeed_whenDrawn_thenTheSameWaitsAndVictims() {
    KillSchedule first = new KillSchedule(TEN_TO_TWENTY, 42);
    KillSchedule second = new KillSchedule(TEN_TO_TWENTY, 42);
    KillSchedule other = new KillSchedule(TEN_TO_TWENTY, 43);

    List<Object> a = draws(first);
    List<Object> b = draws(second);
    List<Object> c = draws(other);

    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void shouldDrawEveryWaitWithinTheIntervalAndReachBothEnds() {
    KillSchedule schedule = new KillSchedule(new KillInterval(Duration.ofMillis(10), Duration.ofMillis(12)), 7);
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < DRAWS; i++) {
      Duration wait = schedule.nextWait();
      assertThat(wait).isBetween(Duration.ofMillis(10), Duration.ofMillis(12));
      seen.add(wait.toMillis());
    }
    assertThat(seen).containsExactlyInAnyOrder(10L, 11L, 12L);
  }

  @Test
  void givenTheClusterNotWhole_whenAVictimIsChosen_thenNeverABroker() {
    KillSchedule schedule = new KillSchedule(TEN_TO_TWENTY, 1);
    for (int i = 0; i < DRAWS; i++) {
      assertThat(schedule.nextVictim(ALL, false)).get().matches(target -> !target.isBroker());
    }
  }

  @Test
  void givenTheClusterWhole_whenVictimsAreChosen_thenEachProcessOnceBeforeAnyTwice() {
    KillSchedule schedule = new KillSchedule(TEN_TO_TWENTY, 1);
    for (int round = 0; round < 5; round++) {
      List<ChaosTarget> chosen = new ArrayList<>();
      for (int i = 0; i < ALL.size(); i++) {
        chosen.add(schedule.nextVictim(ALL, true).orElseThrow());
      }
      assertThat(chosen).containsExactlyInAnyOrderElementsOf(ALL);
    }
  }

  @Test
  void givenABrokerDownWhenOnlyBrokersAreLeftInTheRound_whenAVictimIsChosen_thenAComponentOutOfTurn() {
    KillSchedule schedule = new KillSchedule(TEN_TO_TWENTY, 3);
    List<ChaosTarget> components = List.of(WORKER_1, TRAINER);
    List<ChaosTarget> first = List.of(schedule.nextVictim(ALL, false).orElseThrow(),
        schedule.nextVictim(ALL, false).orElseThrow());
    assertThat(first).containsExactlyInAnyOrderElementsOf(components);

    assertThat(schedule.nextVictim(ALL, false)).get().isIn(components);
    // the brokers' turns were kept for when the cluster is whole again
    assertThat(List.of(schedule.nextVictim(ALL, true).orElseThrow(), schedule.nextVictim(ALL, true).orElseThrow()))
        .containsExactlyInAnyOrder(BROKER_1, BROKER_2);
  }

  @Test
  void givenAProcessNotUp_whenAVictimIsChosen_thenNotThatOne() {
    KillSchedule schedule = new KillSchedule(TEN_TO_TWENTY, 5);
    for (int i = 0; i < DRAWS; i++) {
      assertThat(schedule.nextVictim(List.of(WORKER_1, TRAINER), true)).get().isNotEqualTo(BROKER_1);
    }
  }

  @Test
  void givenOnlyBrokersAndTheClusterNotWhole_whenAVictimIsChosen_thenNone() {
    assertThat(new KillSchedule(TEN_TO_TWENTY, 1).nextVictim(List.of(BROKER_1, BROKER_2), false)).isEmpty();
  }

  @Test
  void shouldParseTheIntervalFlagAndRefuseBadOnes() {
    assertThat(KillInterval.parse("10s-20s")).isEqualTo(TEN_TO_TWENTY);
    assertThat(KillInterval.parse("500ms-1m"))
        .isEqualTo(new KillInterval(Duration.ofMillis(500), Duration.ofMinutes(1)));
    assertThatThrownBy(() -> KillInterval.parse("20s")).hasMessageContaining("MIN-MAX");
    assertThatThrownBy(() -> KillInterval.parse("30s-20s")).hasMessageContaining("least <= most");
  }

  private static List<Object> draws(KillSchedule schedule) {
    List<Object> draws = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      draws.add(schedule.nextWait());
      Optional<ChaosTarget> victim = schedule.nextVictim(ALL, i % 2 == 0);
      draws.add(victim.orElseThrow().name());
    }
    return draws;
  }
}
