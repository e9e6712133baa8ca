package org.visionzero.ops.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.probe.ProbeReport;
import org.visionzero.ops.probe.ProbeRunner;
import org.visionzero.ops.probe.ProbeSeedRange;
import org.visionzero.ops.probe.ProbeSuite;
import org.visionzero.ops.probe.ProbeTable;
import org.visionzero.ops.run.CheckpointHash;
import org.visionzero.ops.run.ShippedV0;
import org.visionzero.ops.run.V0Choice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz probe}: checkpoints on a fixed suite of tasks no model is trained on, beside v0. */
@Command(name = "probe", mixinStandardHelpOptions = true,
    description = {"Probe checkpoints on tasks never trained on, beside v0.",
        "Caption-image matching (scenes, charts) and questions answered by the likelihood of candidate answers "
            + "(colour counts on scenes, the tallest bar of a chart), on items drawn from seeds no training or "
            + "evaluation uses. Accuracy per task with its Wilson 95 %% interval (each item one trial) and chance."})
public final class ProbeCommand implements Runnable {

  @Option(names = "--checkpoint", arity = "1..*", required = true, paramLabel = "FILE",
      description = "Checkpoint files to probe ('shipped': the v0 shipped with vz); a FILE.sha256 beside one is "
          + "checked.")
  List<String> checkpoints;
  @Option(names = "--v0", paramLabel = "shipped|FILE", defaultValue = V0Choice.SHIPPED,
      description = "The v0 to show beside them (default: the one shipped with vz).")
  String v0;
  @Option(names = "--items", paramLabel = "N", defaultValue = "" + ProbeSuite.DEFAULT_ITEMS,
      description = "Items per task (default ${DEFAULT-VALUE}).")
  int items;

  @Mixin
  OutputOptions output;

  @Override
  public void run() {
    if (items < 1 || items > ProbeSeedRange.MAX_ITEMS) {
      throw new IllegalArgumentException("--items must be between 1 and " + ProbeSeedRange.MAX_ITEMS + ", was " + items);
    }
    List<ProbeRunner.Probed> probed = new ArrayList<>(checkpoints.size());
    for (String checkpoint : checkpoints) {
      probed.add(load(checkpoint, checkpoint));
    }
    ProbeReport report = ProbeRunner.run(load(v0, "v0 (" + v0 + ")"), probed, items, output::progress);
    output.print(report, () -> ProbeTable.text(report));
  }

  /** {@code shipped} or a file, its bytes checked against the pinned hash or its {@code .sha256} file. */
  private static ProbeRunner.Probed load(String choice, String label) {
    if (choice.trim().toLowerCase(Locale.ROOT).equals(V0Choice.SHIPPED)) {
      return new ProbeRunner.Probed(label, ShippedV0.bytes());
    }
    Path file = Path.of(choice);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("checkpoint " + file.toAbsolutePath() + " is not a file");
    }
    return new ProbeRunner.Probed(label, CheckpointHash.readVerified(file));
  }
}
