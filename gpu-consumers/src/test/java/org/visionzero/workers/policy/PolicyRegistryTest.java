package org.visionzero.workers.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.Policy;
import org.visionzero.policy.Vocabulary;
import org.visionzero.workers.device.WorkerDevice;

class PolicyRegistryTest {
  private static final int MAX_LOADED = 2;
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  @TempDir
  Path dir;

  private FileBlobStore blobs;
  private CheckpointIndex index;
  private CheckpointLoader loader;
  private PolicyRegistry registry;

  @BeforeEach
  void setUp() {
    blobs = new FileBlobStore(dir);
    index = new CheckpointIndex();
    loader = new CheckpointLoader(blobs, new ScriptedPolicyFactory(Vocabulary.standard()), WorkerDevice.CPU);
    registry = new PolicyRegistry(index, loader, MAX_LOADED);
  }

  private BlobRef publish(String name, int version, Map<String, BlobRef> history) throws Exception {
    BlobRef blob = blobs.put(new ScriptedCheckpoint(name, version).toBytes(), ScriptedCheckpoint.MEDIA_TYPE);
    index.record(event(name, version, blob, "scripted/" + name, history));
    return blob;
  }

  static CheckpointPublished event(String name, int version, BlobRef blob, String architecture,
      Map<String, BlobRef> history) {
    return CheckpointPublished.newBuilder().setEventId("checkpoint/" + name + "/" + version).setOccurredAt(NOW)
        .setPolicy(new PolicyRef(name, version)).setCheckpoint(blob).setTrainerStep(version * 10L)
        .setParentVersion(version - 1).setArchitecture(architecture).setRunId("run").setHistory(history).build();
  }

  @Test
  void shouldServeBaseVersionAsCurrentWhenNothingWasPublished() throws Exception {
    Policy policy = registry.resolve(new PolicyRef("random", -1));

    assertThat(policy.ref()).isEqualTo(new PolicyRef("random", 0));
    assertThat(registry.currentVersion("random")).contains(0);
  }

  @Test
  void shouldSwapStagedVersionInOnlyWhenApplied() throws Exception {
    registry.resolve(new PolicyRef("random", -1));
    BlobRef blob = publish("random", 3, Map.of());
    Policy loaded = loader.load(new VersionKey("random", 3), new KnownCheckpoint(blob, "scripted/random"));

    registry.stage(new VersionKey("random", 3), loaded, NOW);
    assertThat(registry.resolve(new PolicyRef("random", -1)).ref().getVersion()).isZero();
    assertThat(registry.highestVersion("random")).isEqualTo(3);

    assertThat(registry.applyStaged()).singleElement().satisfies(swap -> {
      assertThat(swap.version()).isEqualTo(new VersionKey("random", 3));
      assertThat(swap.previous()).contains(0);
    });
    assertThat(registry.resolve(new PolicyRef("random", -1)).ref().getVersion()).isEqualTo(3);
  }

  @Test
  void shouldKeepTheNewerWhenTwoVersionsAreStagedBeforeASwap() throws Exception {
    registry.stage(new VersionKey("random", 5), loader.load(new VersionKey("random", 5),
        new KnownCheckpoint(publish("random", 5, Map.of()), "scripted/random")), NOW);
    registry.stage(new VersionKey("random", 4), loader.load(new VersionKey("random", 4),
        new KnownCheckpoint(publish("random", 4, Map.of()), "scripted/random")), NOW);

    registry.applyStaged();

    assertThat(registry.currentVersion("random")).contains(5);
  }

  @Test
  void shouldLoadPinnedVersionOnDemandFromCheckpointHistory() throws Exception {
    BlobRef v1 = blobs.put(new ScriptedCheckpoint("oracle", 1).toBytes(), ScriptedCheckpoint.MEDIA_TYPE);
    publish("oracle", 2, Map.of("1", v1));

    Policy pinned = registry.resolve(new PolicyRef("oracle", 1));

    assertThat(pinned.ref()).isEqualTo(new PolicyRef("oracle", 1));
    assertThat(registry.loadedVersions()).containsExactly(new VersionKey("oracle", 1));
  }

  @Test
  void shouldRefusePinnedVersionNobodyPublished() {
    assertThatThrownBy(() -> registry.resolve(new PolicyRef("random", 9)))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("random@9");
  }

  @Test
  void shouldDropLeastRecentlyUsedPinnedVersionsButNeverTheCurrent() throws Exception {
    publish("random", 1, Map.of());
    publish("random", 2, Map.of());
    publish("random", 3, Map.of());
    registry.resolve(new PolicyRef("random", -1)); // current = 0
    registry.resolve(new PolicyRef("random", 1));
    registry.resolve(new PolicyRef("random", 2));
    registry.resolve(new PolicyRef("random", 3));

    registry.applyStaged();

    assertThat(registry.loadedVersions()).hasSize(MAX_LOADED)
        .contains(new VersionKey("random", 0), new VersionKey("random", 3));
    assertThat(registry.loadedCount()).isEqualTo(MAX_LOADED);
  }

  @Test
  void shouldRefuseTamperedCheckpointWithItsHashInTheReason() throws Exception {
    BlobRef blob = publish("random", 1, Map.of());
    Path file = blobs.localPath(blob).orElseThrow();
    Files.write(file, new ScriptedCheckpoint("random", 99).toBytes());

    assertThatThrownBy(() -> registry.resolve(new PolicyRef("random", 1)))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("sha256").hasMessageContaining(blob.getSha256());
  }

  @Test
  void shouldRefuseCheckpointOfAnotherArchitecture() throws Exception {
    BlobRef blob = blobs.put(new ScriptedCheckpoint("random", 1).toBytes(), ScriptedCheckpoint.MEDIA_TYPE);

    assertThatThrownBy(() -> loader.load(new VersionKey("random", 1), new KnownCheckpoint(blob, "mlp-64")))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("architecture 'mlp-64'");
  }
}
