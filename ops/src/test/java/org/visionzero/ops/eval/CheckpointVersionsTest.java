package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckpointVersionsTest {

  private final CheckpointVersions versions = new CheckpointVersions("vz");

  @Test
  void shouldKnowNoVersionBeforeAnyCheckpoint() {
    assertThat(versions.latest()).isEqualTo(CheckpointVersions.NONE);
    assertThat(versions.blobs()).isEmpty();
  }

  @Test
  void shouldFollowTheNewestVersionOfItsPolicyOnly() {
    versions.add(EvalEvents.checkpoint("vz", 0, 0));
    versions.add(EvalEvents.checkpoint("vz", 1, 10));
    versions.add(EvalEvents.checkpoint("vz", 2, 20));
    versions.add(EvalEvents.checkpoint("vz", 3, 30));
    versions.add(EvalEvents.checkpoint("vz", 2, 21)); // a re-read compacted topic need not be in order
    versions.add(EvalEvents.checkpoint("other", 9, 90));

    assertThat(versions.latest()).isEqualTo(3);
    assertThat(versions.checkpoint(9)).isEmpty();
    assertThat(versions.blobs()).containsOnlyKeys(0, 1, 2, 3);
    assertThat(versions.blobs().firstKey()).isZero();
  }

  @Test
  void shouldKeepTheFirstEventOfAVersion() {
    versions.add(EvalEvents.checkpoint("vz", 1, 10));
    versions.add(EvalEvents.checkpoint("vz", 1, 11));

    assertThat(versions.checkpoint(1).orElseThrow().getTrainerStep()).isEqualTo(10);
    assertThat(versions.blobs().get(1).getUri()).isEqualTo("blob:sha256/1-10");
  }

  @Test
  void givenAVersionWhoseParentWasNeverPublished_whenRead_thenItIsNotEvaluated() {
    versions.add(EvalEvents.checkpoint("vz", 0, 0));
    versions.add(EvalEvents.checkpoint("vz", 1_000_000, 5)); // poison: a version from the future

    assertThat(versions.latest()).isZero();
    assertThat(versions.checkpoint(1_000_000)).isEmpty();
  }
}
