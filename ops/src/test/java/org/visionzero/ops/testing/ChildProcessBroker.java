package org.visionzero.ops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.visionzero.ops.cli.Vz;

/**
 * {@code vz broker} in a child JVM with this JVM's classpath, for tests that must kill a real process
 * ({@link #kill()} is SIGKILL) and restart the broker on the same data directory.
 */
public final class ChildProcessBroker implements AutoCloseable {

  private static final long START_TIMEOUT_SECONDS = 60;
  private static final long STOP_TIMEOUT_SECONDS = 30;
  // A small heap, C1 only and the serial collector: a broker starts in a few seconds even on a busy machine.
  private static final List<String> CHILD_JVM_OPTIONS =
      List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private final Process process;
  private final Path stderrFile;
  private final String bootstrapServers;

  private ChildProcessBroker(Process process, Path stderrFile, String bootstrapServers) {
    this.process = process;
    this.stderrFile = stderrFile;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts {@code vz broker --port 0 --json} on {@code dataDir} and waits until it printed its address. */
  public static ChildProcessBroker start(Path dataDir) throws IOException {
    Path stderr = Files.createTempFile("vz-child-broker", ".stderr.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(CHILD_JVM_OPTIONS);
    command.addAll(List.of("-Dlogback.configurationFile=logback.xml",
        "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.visionzero",
        "-cp", System.getProperty("java.class.path"),
        Vz.class.getName(), "broker", "--port", "0", "--data-dir", dataDir.toString(), "--json"));
    Process process = new ProcessBuilder(command)
        .redirectError(stderr.toFile())
        .start();
    try {
      JsonNode started = CompletableFuture.supplyAsync(() -> readJson(process))
          .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return new ChildProcessBroker(process, stderr, started.get("bootstrapServers").asText());
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException("Child broker did not start: " + Files.readString(stderr), e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** SIGKILL: the broker gets no chance to shut down cleanly. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** SIGTERM, as Ctrl-C or a service manager would; returns the exit status. */
  public int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("Child broker did not stop within " + STOP_TIMEOUT_SECONDS + " s");
    }
    return process.exitValue();
  }

  /** What the child wrote to stderr (its log). */
  public String stderr() {
    try {
      return Files.readString(stderrFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the child if it still runs, and removes its log file. */
  @Override
  public void close() throws InterruptedException {
    try {
      if (process.isAlive()) {
        stop();
      }
    } finally {
      try {
        Files.deleteIfExists(stderrFile);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static JsonNode readJson(Process process) {
    StringBuilder json = new StringBuilder();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        json.append(line).append('\n');
        if (line.equals("}")) {
          return new ObjectMapper().readTree(json.toString());
        }
      }
      throw new IllegalStateException("Child broker exited before printing its address; stdout: " + json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
