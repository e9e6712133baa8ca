package org.visionzero.ops.threads;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Timers for background sampling and housekeeping: one daemon thread each, so that none keeps the JVM alive. */
public final class DaemonTimers {

  private DaemonTimers() {}

  /** A single-threaded scheduled executor whose thread is a daemon named {@code threadName}. */
  public static ScheduledExecutorService named(String threadName) {
    return Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
  }
}
