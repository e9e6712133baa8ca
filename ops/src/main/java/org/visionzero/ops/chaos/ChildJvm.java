package org.visionzero.ops.chaos;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.visionzero.ops.cli.Vz;

/**
 * The command line of a {@code vz} child JVM: this JVM's java, classpath and system properties (so
 * {@code -Dai.djl.offline=true} and the Avro trust list carry over), plus a heap and options of its own. Agents
 * and the debugger stay with the supervisor.
 */
final class ChildJvm {

  /** C1 only and the serial collector: a child starts in seconds and leaves the cores to the others. */
  private static final List<String> COMMON_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
      "-Djava.awt.headless=true", "-Dai.djl.offline=true");

  private ChildJvm() {
  }

  static List<String> command(List<String> jvmOptions, List<String> vzArgs) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(option -> option.startsWith("-D"))
        .filter(option -> !option.startsWith("-Djava.awt.headless") && !option.startsWith("-Dai.djl.offline"))
        .forEach(command::add);
    command.addAll(COMMON_OPTIONS);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Vz.class.getName());
    command.addAll(vzArgs);
    return command;
  }
}
