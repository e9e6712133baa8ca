package org.visionzero.ops.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DaemonTimersTest {

  @Test
  void shouldRunOnOneNamedDaemonThread() throws Exception {
    ScheduledExecutorService timer = DaemonTimers.named("vz-test-timer");
    try {
      Thread first = timer.schedule(Thread::currentThread, 0, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
      Thread second = timer.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);

      assertThat(first.getName()).isEqualTo("vz-test-timer");
      assertThat(first.isDaemon()).isTrue();
      assertThat(second).isSameAs(first);
    } finally {
      timer.shutdownNow();
    }
  }
}
