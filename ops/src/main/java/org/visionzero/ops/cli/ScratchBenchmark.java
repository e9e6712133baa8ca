package org.visionzero.ops.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.visionzero.ops.files.ScratchDir;

/**
 * How the benchmark commands that start their own broker measure: in a scratch directory deleted afterwards,
 * then report; any failure, the report's included, fails the command as the benchmark's.
 */
final class ScratchBenchmark {

  /** One measurement, with its brokers and data under {@code workDir}. */
  @FunctionalInterface
  interface Measurement<R> {
    R run(Path workDir) throws Exception;
  }

  private ScratchBenchmark() {
  }

  /** Runs {@code measurement} in a new scratch directory named after {@code scratchName}, then {@code report}. */
  static <R> void run(String scratchName, Measurement<R> measurement, Consumer<R> report) {
    try {
      R result;
      try (ScratchDir work = ScratchDir.create(scratchName)) {
        result = measurement.run(work.path());
      }
      report.accept(result);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("benchmark interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException("benchmark failed: " + e.getMessage(), e);
    }
  }
}
