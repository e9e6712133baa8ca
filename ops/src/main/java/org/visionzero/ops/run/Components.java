package org.visionzero.ops.run;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running parts of a process, closed in reverse start order (the broker last), each even when an earlier
 * one fails to close.
 */
public final class Components implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Components.class);

  private final Deque<Named> started = new ArrayDeque<>();

  private record Named(String name, AutoCloseable component) {
  }

  /** Registers a started component; returns it for chaining. */
  public synchronized <T extends AutoCloseable> T add(String name, T component) {
    started.push(new Named(name, component));
    return component;
  }

  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    while (!started.isEmpty()) {
      Named next = started.pop();
      try {
        next.component().close();
      } catch (Exception e) {
        LOG.warn("Stopping {} failed: {}", next.name(), e.toString());
        if (failure == null) {
          failure = new IllegalStateException("Stopping " + next.name() + " failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
