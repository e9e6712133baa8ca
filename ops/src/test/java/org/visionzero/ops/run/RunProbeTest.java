package org.visionzero.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.blob.BlobStore;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.PolicyRef;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.probe.ProbeReport;
import org.visionzero.ops.probe.ProbeSeedRange;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.model.VzModel;

/** The probe at the end of {@code vz run}, from the checkpoint events and the blob store, without a broker. */
class RunProbeTest {

  @TempDir
  java.nio.file.Path dir;

  private final List<String> lines = new ArrayList<>();

  @Test
  @Timeout(300)
  void givenV0AndAFinalVersion_whenProbed_thenBothOnTheSameItems() throws Exception {
    BlobStore blobs = new FileBlobStore(dir);
    byte[] v0Bytes = ShippedV0.bytes();
    byte[] finalBytes;
    try (VzModel model = Checkpoints.load(v0Bytes, ShippedV0.SHA256, Device.cpu())) {
      model.setVersion(12); // the same weights as another version: other bytes, the same figures
      finalBytes = Checkpoints.save(model);
    }

    Optional<ProbeReport> report = RunProbe.of(config(Map.of(VzRunConfig.PROBE_ITEMS, "8")),
        event(0, blobs.put(v0Bytes, Checkpoints.MEDIA_TYPE)),
        Optional.of(event(12, blobs.put(finalBytes, Checkpoints.MEDIA_TYPE))), blobs, lines::add);

    assertThat(report).isPresent();
    assertThat(report.get().v0().version()).isZero();
    assertThat(report.get().checkpoints()).singleElement().satisfies(last -> {
      assertThat(last.label()).isEqualTo("v12 (final)");
      assertThat(last.version()).isEqualTo(12);
      assertThat(last.tasks().keySet()).containsExactlyElementsOf(report.get().v0().tasks().keySet());
      last.tasks().forEach((task, figures) -> assertThat(figures.correct())
          .isEqualTo(report.get().v0().tasks().get(task).correct()));
    });
    assertThat(report.get().itemsPerTask()).isEqualTo(8);
    assertThat(lines).singleElement().asString().startsWith("transfer probe of v0 and v12 (final): 8 items");
  }

  @Test
  void givenAScriptedPolicy_whenProbed_thenLeftOutSayingWhy() throws Exception {
    BlobStore blobs = new FileBlobStore(dir);
    BlobRef script = blobs.put(new byte[] {1, 2, 3}, "application/x-vz-scripted");

    Optional<ProbeReport> report = RunProbe.of(config(Map.of()), event(0, script), Optional.empty(), blobs,
        lines::add);

    assertThat(report).isEmpty();
    assertThat(lines).singleElement().asString().contains("left out").contains("not the vz model");
  }

  @Test
  void givenPairsFromTheProbesSeeds_whenProbed_thenLeftOutSayingWhy() throws Exception {
    BlobStore blobs = new FileBlobStore(dir);
    Map<String, String> flags = Map.of(VzRunConfig.PRODUCE_SEED, Long.toString(ProbeSeedRange.FIRST - 10),
        VzRunConfig.PRODUCE_COUNT, "100");

    Optional<ProbeReport> report = RunProbe.of(config(flags),
        event(0, blobs.put(ShippedV0.bytes(), Checkpoints.MEDIA_TYPE)), Optional.empty(), blobs, lines::add);

    assertThat(report).isEmpty();
    assertThat(lines).singleElement().asString().contains("share seeds with the probe's");
  }

  private static VzRunConfig config(Map<String, String> flags) {
    return new VzRunConfig(new HashMap<>(flags));
  }

  private static CheckpointPublished event(int version, BlobRef ref) {
    return CheckpointPublished.newBuilder()
        .setEventId("checkpoint/vz/" + version)
        .setOccurredAt(Instant.EPOCH)
        .setPolicy(new PolicyRef("vz", version))
        .setCheckpoint(ref)
        .setTrainerStep(version)
        .setParentVersion(version - 1)
        .setArchitecture("test")
        .setRunId("run")
        .setHistory(Map.of())
        .build();
  }
}
