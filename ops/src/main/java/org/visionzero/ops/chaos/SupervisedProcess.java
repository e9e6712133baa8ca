package org.visionzero.ops.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One component of the chaos run as its own {@code vz} process: started, SIGKILLed and started again with the
 * same arguments (so on the same data), its stdout and stderr appended to {@code logs/<name>.log}.
 */
final class SupervisedProcess implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final ChaosTarget target;
  private final List<String> command;
  private final List<String> vzArgs;
  private final Path log;
  private Process process;
  private Instant startedAt;
  private int starts;

  SupervisedProcess(ChaosTarget target, List<String> jvmOptions, List<String> vzArgs, Path logDir) {
    this.target = target;
    this.command = ChildJvm.command(jvmOptions, vzArgs);
    this.vzArgs = List.copyOf(vzArgs);
    this.log = logDir.resolve(target.name() + ".log");
  }

  ChaosTarget target() {
    return target;
  }

  Path log() {
    return log;
  }

  synchronized void start() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(target.name() + " is already running (pid " + process.pid() + ")");
    }
    Files.createDirectories(log.getParent());
    // the command, so that an operator can start the process again by hand (e.g. the brokers, to read the log)
    Files.writeString(log, "=== vz chaos: start " + (starts + 1) + " of " + target.name() + " at " + Instant.now()
        + ": vz " + String.join(" ", vzArgs) + "\n", java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    startedAt = Instant.now();
    starts++;
  }

  /** SIGKILL ({@code destroyForcibly} on Linux), waiting until the process is gone. */
  synchronized void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException(target.name() + " (pid " + process.pid() + ") did not die on SIGKILL");
    }
  }

  synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  synchronized Instant startedAt() {
    return startedAt;
  }

  /** Exit status when it has stopped by itself; for a clear message when a component dies unkilled. */
  synchronized String state() {
    if (process == null) {
      return "not started";
    }
    return process.isAlive() ? "running (pid " + process.pid() + ")" : "exited with status " + process.exitValue();
  }

  /** SIGTERM, as Ctrl-C: the component stops cleanly; SIGKILL after a grace period. */
  @Override
  public synchronized void close() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
    }
  }
}
