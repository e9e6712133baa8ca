package org.visionzero.ops.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Keeps a command in the foreground until Ctrl-C (or SIGTERM), then stops what it runs, cleanly. */
final class Foreground {

  private Foreground() {
  }

  /**
   * Starts what {@code start} returns, runs {@code onStarted}, and blocks until the JVM is asked to stop; then closes
   * it and runs {@code onStopped}. The shutdown hook is registered before the start, so a stop asked for while it
   * starts (a supervisor's SIGTERM on the first log line) waits for the start to end and closes what it started;
   * registered after it, the hook was refused ("Shutdown in progress") and nothing was closed cleanly.
   */
  static <T extends AutoCloseable> void startAndRunUntilStopped(Supplier<T> start, Consumer<T> onStarted,
      Consumer<T> onStopped) {
    AtomicReference<T> running = new AtomicReference<>();
    CountDownLatch startEnded = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        startEnded.await();
        T started = running.get();
        if (started != null) { // null: the start failed, and its error is the command's
          started.close();
          onStopped.accept(started);
        }
      } catch (Exception e) {
        System.err.println("vz: stopping failed: " + e);
      } finally {
        stopped.countDown();
      }
    }, "vz-shutdown"));
    try {
      running.set(start.get());
    } finally {
      startEnded.countDown();
    }
    onStarted.accept(running.get());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
