package org.visionzero.ops.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.visionzero.ops.cli.Vz;

/**
 * Runs a {@code vz} command in a child JVM with this JVM's java, options and classpath: a fresh process (its own
 * heap, native memory, JIT-compiled code and model threads), which a crash of the child cannot take down.
 * Interrupting the caller sends the child SIGTERM, so it stops as after Ctrl-C, and kills it after a grace period.
 */
public final class ChildVz {
  /** How long a stopped child may take to write its results before it is killed. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);

  private ChildVz() {
  }

  /** The command line of {@code vz args...} in a child JVM. */
  public static List<String> command(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // The same heap, system properties and agents, but no debugger: its port is this JVM's.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(option -> !option.startsWith("-agentlib:jdwp") && !option.startsWith("-Xrunjdwp"))
        .forEach(command::add);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Vz.class.getName());
    command.addAll(args);
    return command;
  }

  /**
   * Runs {@code vz args...} in a child JVM, its output and errors appended to {@code log}, and returns its exit
   * code.
   *
   * @throws InterruptedException when the caller is interrupted; the child has then been stopped too
   */
  public static int run(List<String> args, Path log) throws IOException, InterruptedException {
    Process child = new ProcessBuilder(command(args)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    try {
      return child.waitFor();
    } catch (InterruptedException e) {
      child.destroy();
      if (!child.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
      throw e;
    }
  }
}
