package org.visionzero.ops.probe;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.model.VzModel;

/**
 * Probes v0 and checkpoints on the same items: draws the items once (at v0's input size), then loads and scores
 * one model at a time, so at most one is in memory. A checkpoint with v0's bytes is not scored twice.
 */
public final class ProbeRunner {

  private ProbeRunner() {}

  /**
   * A checkpoint to probe, its bytes already checked against the hash they must have.
   *
   * @param label for people: "v0 (shipped)", a file name, "v123 (final)"
   */
  public record Probed(String label, byte[] bytes) {
    public Probed {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /** The probe of {@code v0} and of each of {@code checkpoints}; {@code progress} hears what is being done. */
  public static ProbeReport run(Probed v0, List<Probed> checkpoints, int itemsPerTask, Consumer<String> progress) {
    String v0Sha = Checkpoints.sha256(v0.bytes());
    List<ProbeSuite.TaskItems> items;
    double itemSeconds;
    ProbeResult v0Result;
    try (VzModel model = Checkpoints.load(v0.bytes(), v0Sha, Device.cpu())) {
      progress.accept("probe: drawing " + itemsPerTask + " items for each of " + ProbeSuite.TASKS.size()
          + " tasks");
      long start = System.nanoTime();
      items = ProbeSuite.items(itemsPerTask, model.config().imageSize());
      itemSeconds = (System.nanoTime() - start) / 1e9;
      progress.accept("probe: scoring " + v0.label());
      v0Result = TransferProbe.score(model, items, v0.label(), v0Sha);
    }
    List<ProbeResult> results = new ArrayList<>(checkpoints.size());
    for (Probed checkpoint : checkpoints) {
      String sha = Checkpoints.sha256(checkpoint.bytes());
      if (sha.equals(v0Sha)) {
        results.add(new ProbeResult(checkpoint.label(), v0Result.version(), sha, v0Result.tasks(), 0));
        continue;
      }
      progress.accept("probe: scoring " + checkpoint.label());
      try (VzModel model = Checkpoints.load(checkpoint.bytes(), sha, Device.cpu())) {
        results.add(TransferProbe.score(model, items, checkpoint.label(), sha));
      }
    }
    return new ProbeReport(itemsPerTask, ProbeSeedRange.FIRST, ProbeSeedRange.END, itemSeconds, v0Result, results);
  }
}
