package org.visionzero.ops.run;

import java.util.concurrent.atomic.AtomicBoolean;

/** Lets a component be stopped early (e.g. the trainer before the final evaluation) and again at the end. */
final class CloseOnce implements AutoCloseable {

  private final AutoCloseable delegate;
  private final AtomicBoolean closed = new AtomicBoolean();

  CloseOnce(AutoCloseable delegate) {
    this.delegate = delegate;
  }

  @Override
  public void close() throws Exception {
    if (closed.compareAndSet(false, true)) {
      delegate.close();
    }
  }
}
