package org.visionzero.ops.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a command in the foreground until Ctrl-C (or SIGTERM), then stops what it runs, cleanly. */
final class Foreground {

  private Foreground() {
  }

  /** Blocks until the JVM is asked to stop; the shutdown hook closes {@code running} and then runs {@code onStopped}. */
  static void runUntilStopped(AutoCloseable running, Runnable onStopped) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        running.close();
        onStopped.run();
      } catch (Exception e) {
        System.err.println("vz: stopping failed: " + e);
      } finally {
        stopped.countDown();
      }
    }, "vz-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
