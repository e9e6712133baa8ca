package org.visionzero.ops.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.visionzero.ops.run.ChildVz;

/**
 * Runs each {@code vz run} in a child JVM ({@link ChildVz}): every run gets a fresh process (its own embedded
 * broker, heap and native memory), and a run that crashes cannot take the experiment with it. Stopping the
 * experiment sends the child SIGTERM, so it stops as after Ctrl-C.
 */
public final class ChildVzLauncher implements RunLauncher {

  @Override
  public int run(Path settingsFile, Path runDir, Duration budget, Path log) throws IOException, InterruptedException {
    return ChildVz.run(List.of("run", "--config", settingsFile.toString(), "--data-dir", runDir.toString(),
        "--duration", budget.toSeconds() + "s"), log);
  }
}
