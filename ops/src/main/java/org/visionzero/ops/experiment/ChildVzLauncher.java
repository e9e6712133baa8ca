package org.visionzero.ops.experiment;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.visionzero.ops.cli.Vz;

/**
 * Runs each {@code vz run} in a child JVM with this JVM's java, options and classpath: every run gets a fresh
 * process (its own embedded broker, heap and native memory), and a run that crashes cannot take the experiment with
 * it. Stopping the experiment sends the child SIGTERM, so it stops as after Ctrl-C.
 */
public final class ChildVzLauncher implements RunLauncher {
  /** How long a stopped child may take to write its summary before it is killed. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);

  @Override
  public int run(Path settingsFile, Path runDir, Duration budget, Path log) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // The same heap, system properties and agents, but no debugger: its port is this JVM's.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(option -> !option.startsWith("-agentlib:jdwp") && !option.startsWith("-Xrunjdwp"))
        .forEach(command::add);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Vz.class.getName());
    command.addAll(List.of("run", "--config", settingsFile.toString(), "--data-dir", runDir.toString(),
        "--duration", budget.toSeconds() + "s"));
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
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
