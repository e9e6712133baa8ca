package org.visionzero.ops.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.producers.bench.BenchmarkResult;
import org.visionzero.producers.bench.ProducerBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vz bench …}: benchmarks that report ratios against a baseline run in the same process. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks: producers, policy, workers, pipeline.",
    subcommands = {BenchCommand.Producers.class})
public final class BenchCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code vz bench producers}: pairs per second for each source. */
  @Command(name = "producers", mixinStandardHelpOptions = true,
      description = "Pairs per second of each source (generation, PNG encoding and blob writes).")
  static final class Producers implements Runnable {
    @Option(names = "--pairs", paramLabel = "N", defaultValue = "300", description = "Pairs per source (default 300).")
    int pairs;
    @Option(names = "--size", paramLabel = "PX", defaultValue = "128", description = "Image size (default 128).")
    int size;

    @Mixin
    OutputOptions output;

    @Override
    public void run() {
      try {
        Path work = Files.createTempDirectory("vz-bench-producers");
        BenchmarkResult result = ProducerBenchmark.run(new ProducerBenchmark.Options(pairs, size, size, work));
        output.printJson(result.toJson(), () -> String.join("\n",
            result.sources().stream().map(Object::toString).toList()));
      } catch (IOException e) {
        throw new UncheckedIOException("benchmark failed: " + e.getMessage(), e);
      }
    }
  }
}
