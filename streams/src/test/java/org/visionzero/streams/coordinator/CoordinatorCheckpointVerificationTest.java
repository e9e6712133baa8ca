package org.visionzero.streams.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.PolicyRef;
import org.visionzero.game.testing.Events;
import org.visionzero.game.testing.Games;
import org.visionzero.streams.testing.CoordinatorHarness;

/**
 * The coordinator verifies the blob of every checkpoint event it reads, not only the newest: a missing or tampered
 * one is dead-lettered against its own record (topic, partition, offset) and never becomes the training version; a
 * good one is hashed once however often it is announced.
 */
class CoordinatorCheckpointVerificationTest {
  private static final String MISSING = "missing";
  private static final String TAMPERED = "tampered";

  /** A blob store as the check sees it: each blob's state by its hash, and every hash it was asked about. */
  private final Map<String, String> stateBySha = new HashMap<>();
  private final List<String> checked = new ArrayList<>();
  private final CheckpointBlobCheck blobs = checkpoint -> {
    String sha = checkpoint.getCheckpoint().getSha256();
    checked.add(sha);
    return switch (stateBySha.getOrDefault(sha, "")) {
      case MISSING -> Optional.of(new InvalidRecordException("checkpoint-blob-missing", "no blob " + sha));
      case TAMPERED -> Optional.of(new InvalidRecordException("checkpoint-blob-tampered", "blob " + sha));
      default -> Optional.empty();
    };
  };

  @Test
  void givenAGoodCheckpoint_whenRead_thenBelievedWithoutADeadLetter() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of(), blobs)) {
      coordinator.checkpoint(checkpoint(3, "3"));
      coordinator.pair(Events.pair("p1"));

      assertThat(coordinator.deadLetters()).isEmpty();
      assertThat(checked).containsExactly(sha("3"));
      assertThat(coordinator.started("g-p1-3-1").getCivilianPolicy()).isEqualTo(new PolicyRef("vz", 3));
    }
  }

  @Test
  void givenAMissingBlob_whenItsCheckpointIsRead_thenDeadLetteredAtItsOffsetAndTrainingKeepsTheKnownVersion() {
    stateBySha.put(sha("4"), MISSING);
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of(), blobs)) {
      coordinator.checkpoint(checkpoint(3, "3"));
      coordinator.checkpoint(checkpoint(4, "4"));
      coordinator.pair(Events.pair("p1"));

      DeadLetter letter = coordinator.deadLetters().get(0);
      assertThat(letter.getError()).startsWith("InvalidRecordException: checkpoint-blob-missing: ");
      assertThat(letter.getSourceTopic()).isEqualTo(coordinator.topics.checkpoints().name());
      assertThat(letter.getSourceOffset()).isEqualTo(1L);
      assertThat(letter.getComponent()).isEqualTo(AdmissionProcessor.COMPONENT);
      assertThat(coordinator.started("g-p1-3-1").getCivilianPolicy()).isEqualTo(new PolicyRef("vz", 3));
    }
  }

  @Test
  void givenATamperedBlobThatIsNeverTheNewest_whenRead_thenStillDeadLettered() {
    stateBySha.put(sha("5-forged"), TAMPERED);
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of(), blobs)) {
      coordinator.checkpoint(checkpoint(5, "5"));
      coordinator.checkpoint(checkpoint(6, "6"));
      // a forged event for a version already superseded: no worker would ever load it
      coordinator.checkpoint(checkpoint(5, "5-forged"));
      coordinator.pair(Events.pair("p1"));

      assertThat(coordinator.deadLetters()).singleElement().satisfies(letter -> {
        assertThat(letter.getError()).contains("checkpoint-blob-tampered");
        assertThat(letter.getSourceOffset()).isEqualTo(2L);
      });
      assertThat(coordinator.started("g-p1-6-1").getCivilianPolicy()).isEqualTo(new PolicyRef("vz", 6));
    }
  }

  @Test
  void givenNoVersionKnownYet_whenTheFirstCheckpointHasAMissingBlob_thenRefusedInsteadOfBelieved() {
    stateBySha.put(sha("forged"), MISSING);
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of(), blobs)) {
      // no version known: the version rule believes anything, so only the blob tells it from a real one
      coordinator.checkpoint(checkpoint(1_000_000_000, "forged"));
      coordinator.pair(Events.pair("p1"));

      assertThat(coordinator.deadLetters()).extracting(DeadLetter::getError)
          .singleElement().satisfies(e -> assertThat(e).contains("checkpoint-blob-missing"));
      assertThat(coordinator.started("g-p1-0-1").getCivilianPolicy()).isEqualTo(new PolicyRef("vz", 0));
    }
  }

  @Test
  void givenARepeatedEvent_whenReadAgain_thenItsBlobIsHashedOnceAndTheRepeatIsADuplicate() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of(), blobs)) {
      coordinator.checkpoint(checkpoint(3, "3"));
      coordinator.checkpoint(checkpoint(3, "3"));
      coordinator.checkpoint(checkpoint(3, "3"));

      assertThat(checked).containsExactly(sha("3"));
      assertThat(coordinator.deadLetters()).isEmpty();
      assertThat(coordinator.counter(CoordinatorMetrics.RECORDS_IGNORED, "reason", "duplicate")).isEqualTo(2.0);
    }
  }

  @Test
  void givenARefusedBlob_whenItsEventIsReadAgain_thenCheckedAgainAndLetteredAgain() {
    stateBySha.put(sha("4"), MISSING);
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of(), blobs)) {
      coordinator.checkpoint(checkpoint(4, "4"));
      coordinator.checkpoint(checkpoint(4, "4"));

      assertThat(checked).containsExactly(sha("4"), sha("4"));
      assertThat(coordinator.deadLetters()).extracting(DeadLetter::getSourceOffset).containsExactly(0L, 1L);
    }
  }

  @Test
  void givenAVersionFromTheFuture_whenRead_thenRefusedForItsVersionWithoutHashingItsBlob() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of(), blobs)) {
      coordinator.checkpoint(checkpoint(3, "3"));
      coordinator.checkpoint(CheckpointPublished.newBuilder(checkpoint(1_000_000, "future"))
          .setParentVersion(999_999).build());

      assertThat(coordinator.deadLetters()).extracting(DeadLetter::getError)
          .singleElement().satisfies(e -> assertThat(e).contains("version-from-the-future"));
      assertThat(checked).containsExactly(sha("3"));
    }
  }

  private static CheckpointPublished checkpoint(int version, String content) {
    return CheckpointPublished.newBuilder(Events.checkpoint("vz", version)).setCheckpoint(Games.blob(sha(content)))
        .build();
  }

  /** A distinct 64-hex hash per name. */
  private static String sha(String content) {
    return org.visionzero.hash.Sha256.hex(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
