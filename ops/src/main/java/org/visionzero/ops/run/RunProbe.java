package org.visionzero.ops.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.visionzero.blob.BlobStore;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.probe.ProbeReport;
import org.visionzero.ops.probe.ProbeRunner;
import org.visionzero.ops.probe.ProbeSeedRange;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.process.ProcessUsage;

/**
 * The transfer probe at the end of {@code vz run}: v0 and the final version on the probe's items, for
 * {@code summary.json} ({@code probe}) and {@code report.html}. Left out, saying why, for policies that are not the
 * DJL model, when {@code probe.items} is 0, and when the run's own pairs were drawn from the probe's seeds.
 */
final class RunProbe {

  private RunProbe() {}

  /**
   * @param v0        the run's v0 event
   * @param finalOne  the final version's event, if training published one
   */
  static Optional<ProbeReport> of(VzRunConfig config, CheckpointPublished v0, Optional<CheckpointPublished> finalOne,
      BlobStore blobs, Consumer<String> out) throws IOException {
    if (config.probeItems() == 0) {
      return Optional.empty();
    }
    if (!Checkpoints.MEDIA_TYPE.equals(v0.getCheckpoint().getMediaType())) {
      out.accept("transfer probe left out: policy '" + v0.getPolicy().getName() + "' is not the vz model");
      return Optional.empty();
    }
    if (ProbeSeedRange.overlaps(config.produceSeed(), config.produceCount())) {
      out.accept("transfer probe left out: this run's pairs (produce.seed " + config.produceSeed() + ", produce.count "
          + config.produceCount() + ") share seeds with the probe's, from " + ProbeSeedRange.FIRST + " (modulo 2^48)");
      return Optional.empty();
    }
    List<ProbeRunner.Probed> checkpoints = new ArrayList<>(1);
    if (finalOne.isPresent() && finalOne.get().getPolicy().getVersion() != v0.getPolicy().getVersion()) {
      checkpoints.add(probed("v" + finalOne.get().getPolicy().getVersion() + " (final)", finalOne.get(), blobs));
    }
    long start = System.nanoTime();
    long cpuAtStart = ProcessUsage.cpuNanos();
    ProbeReport report = ProbeRunner.run(probed("v0", v0, blobs), checkpoints, config.probeItems(), line -> { });
    out.accept(String.format(Locale.ROOT, "transfer probe of v0%s: %d items per task in %.1f s (%.1f CPU-s; "
            + "summary.json, probe)", checkpoints.isEmpty() ? "" : " and " + checkpoints.get(0).label(),
        config.probeItems(), (System.nanoTime() - start) / 1e9, (ProcessUsage.cpuNanos() - cpuAtStart) / 1e9));
    return Optional.of(report);
  }

  /** The checkpoint's bytes (the blob store refuses bytes whose sha256 is not the reference's). */
  private static ProbeRunner.Probed probed(String label, CheckpointPublished event, BlobStore blobs)
      throws IOException {
    return new ProbeRunner.Probed(label, blobs.get(event.getCheckpoint()));
  }
}
