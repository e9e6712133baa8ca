package org.visionzero.ops.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Watches, on its own thread, for the recovery of the broker killed last: it answers again and every partition is
 * back at full in-sync replicas. Until then no other broker may be killed. (On the kill loop's thread the checks,
 * seconds each while a broker is down, would delay the kills.)
 */
final class BrokerRecovery implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(500);

  private final ClusterHealth health;
  private final BiConsumer<String, Duration> onRecovered;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Pending pending;

  private record Pending(String name, String address, int nodeId, Instant killedAt) {
  }

  BrokerRecovery(ClusterHealth health, BiConsumer<String, Duration> onRecovered) {
    this.health = health;
    this.onRecovered = onRecovered;
    this.thread = new Thread(this::loop, "vz-chaos-broker-recovery");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  void await(String name, String address, int nodeId, Instant killedAt) {
    if (pending != null) {
      throw new IllegalStateException("a second broker killed while " + pending.name() + " had not recovered");
    }
    pending = new Pending(name, address, nodeId, killedAt);
  }

  /** True while a killed broker has not recovered. */
  boolean awaiting() {
    return pending != null;
  }

  /** The broker whose recovery was not seen, if any; forgets it. */
  Optional<String> takeUnrecovered() {
    Pending left = pending;
    pending = null;
    return Optional.ofNullable(left).map(Pending::name);
  }

  private void loop() {
    while (running) {
      Pending killed = pending;
      if (killed != null && health.serves(killed.address(), killed.nodeId()) && health.whole()) {
        pending = null;
        onRecovered.accept(killed.name(), Duration.between(killed.killedAt(), Instant.now()));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(Duration.ofSeconds(30).toMillis());
  }
}
