package org.visionzero.ops.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Starts one {@code vz run} of an experiment and waits for it. */
public interface RunLauncher {

  /**
   * Runs {@code vz run --config settingsFile --data-dir runDir --duration budget}, its output going to
   * {@code log}, and returns its exit code.
   *
   * @throws InterruptedException when the experiment is stopped; the run has then been stopped too
   */
  int run(Path settingsFile, Path runDir, Duration budget, Path log) throws IOException, InterruptedException;
}
