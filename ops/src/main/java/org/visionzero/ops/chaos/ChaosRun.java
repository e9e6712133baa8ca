package org.visionzero.ops.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.ops.broker.ClusterMembership;
import org.visionzero.ops.run.ModelRuntime;
import org.visionzero.ops.run.V0Bootstrap;
import org.visionzero.ops.run.V0Choice;
import org.visionzero.ops.topics.TopicProvisioner;
import org.visionzero.ops.topics.TopicState;
import org.visionzero.topics.TopicCatalog;

/**
 * {@code vz chaos}: the system as separate processes on a 3-broker cluster, SIGKILLed at random and restarted,
 * then the log checked independently of the components' bookkeeping. Phases: start (brokers, topics, v0, the
 * components), warm-up (until a game completes), kills (for the duration), drain (no kills, no new pairs, until the
 * games started before have ended and been scored, bounded), stop, end check (with the brokers still up).
 */
public final class ChaosRun {

  private static final Logger LOG = LoggerFactory.getLogger(ChaosRun.class);
  private static final Duration TICK = Duration.ofMillis(500);
  /** How often the drain asks the load whether its records have been handled (a read of the dead letters). */
  private static final Duration LOAD_CHECK = Duration.ofSeconds(2);
  private static final Duration CLUSTER_START = Duration.ofMinutes(2);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(120);
  private static final int IMAGE_SIZE = 128;

  private final ChaosSettings settings;
  private final Consumer<String> out;
  private final KillSchedule schedule;
  private final RecoveryTimes recovery = new RecoveryTimes();
  private final Map<String, Integer> kills = new TreeMap<>();
  private final Map<String, Integer> unplannedExits = new TreeMap<>();
  private final RestartBackoff backoff = new RestartBackoff();
  /** Brokers, then components; guarded by itself where the shutdown hook may read it. */
  private final List<SupervisedProcess> processes = new ArrayList<>();
  private volatile Optional<SupervisedProcess> producer = Optional.empty();
  private int replicas;
  private final Path logDir;

  public ChaosRun(ChaosSettings settings, Consumer<String> out) {
    this.settings = settings;
    this.out = out;
    this.schedule = new KillSchedule(settings.killEvery(), settings.seed());
    this.logDir = settings.dataDir().resolve("logs");
  }

  /** Runs every phase; returns the report (also written to {@code chaos.json} in the data dir). */
  public ChaosReport run() throws Exception {
    ChaosLoad load = ChaosLoads.poison(settings.poison(), settings.seed());
    requireEmpty(settings.dataDir());
    Instant began = Instant.now();
    TopicCatalog topics = TopicCatalog.defaults();
    BrokerCluster cluster = BrokerCluster.create(settings.dataDir().resolve("brokers"), logDir);
    Map<String, Object> clients = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    processes.addAll(cluster.brokers());
    // Ctrl-C or SIGTERM of the supervisor stops its children too (they would outlive it)
    Thread stopChildren = new Thread(this::stopAll, "vz-chaos-stop");
    Runtime.getRuntime().addShutdownHook(stopChildren);
    try (load) {
      for (SupervisedProcess broker : cluster.brokers()) {
        broker.start();
      }
      out.accept("brokers starting at " + cluster.bootstrapServers() + " (logs in " + logDir + ")");
      try (ClusterHealth health = new ClusterHealth(clients, BrokerCluster.NODES)) {
        await("the 3-broker cluster to form", CLUSTER_START, health::whole);
        replicas = provision(clients, topics);
        Path v0File = publishV0(clients, topics);
        ChaosComponents components = ChaosComponents.create(settings, cluster.bootstrapServers(), v0File, logDir);
        synchronized (processes) {
          processes.addAll(components.killable());
        }
        for (SupervisedProcess component : components.killable()) {
          component.start();
        }
        producer = Optional.of(components.producer());
        components.producer().start();
        out.accept("started coordinator, scorer, " + ChaosComponents.WORKERS + " workers, trainer, evaluator and "
            + "the pair producer as processes");
        try (OutputWatcher watcher = new OutputWatcher(clients, topics, components.targetByWorkerId(),
            ChaosComponents.COORDINATOR, ChaosComponents.SCORER, ChaosComponents.TRAINER, ChaosComponents.EVALUATOR,
            this::recovered)) {
          await("the first completed game", settings.warmUp(), () -> watcher.gamesCompleted() > 0);
          load.start(clients, topics, settings.duration());
          Instant firstKill = killFor(settings.duration(), cluster, health, watcher);
          load.close();
          components.producer().close();
          Instant drainStart = Instant.now();
          out.accept("kills over (" + kills + "); draining for at most " + settings.drain().toSeconds() + " s");
          drain(drainStart, watcher, () -> load.settled(clients, topics));
          watcher.takeUnrecovered().forEach(target -> {
            recovery.unobserved();
            out.accept("recovery of " + target + " not seen before the drain ended");
          });
          stopInReverse(components.killable());
          out.accept("checking the log");
          List<String> names = processes.stream().map(process -> process.target().name()).toList();
          return EndCheck.run(settings, clients, topics, load, new EndCheck.Observed(began, firstKill, drainStart,
              names, replicas, kills, unplannedExits, backoff.waits(), recovery));
        }
      }
    } finally {
      stopAll();
      try {
        Runtime.getRuntime().removeShutdownHook(stopChildren);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs or has run
      }
    }
  }

  /** SIGTERM to every child still running: the producer, the components, then the brokers they talk to. */
  private void stopAll() {
    List<SupervisedProcess> all = new ArrayList<>();
    producer.ifPresent(all::add);
    synchronized (processes) {
      for (int i = processes.size() - 1; i >= 0; i--) {
        all.add(processes.get(i));
      }
    }
    for (SupervisedProcess process : all) {
      try {
        process.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("stopping {} failed: {}", process.target().name(), e.toString());
      }
    }
  }

  /**
   * Creates the catalog's topics with 3 replicas and min ISR 2; returns the fewest replicas a topic has, once every
   * topic is in the metadata (right after the creation a describe may not list them yet: 0).
   */
  private int provision(Map<String, Object> clients, TopicCatalog topics) throws InterruptedException {
    try (Admin admin = Admin.create(clients)) {
      TopicProvisioner provisioner = new TopicProvisioner(admin, ADMIN_TIMEOUT)
          .withReplication((short) ClusterMembership.REPLICATION_FACTOR, ClusterMembership.MIN_IN_SYNC_REPLICAS);
      List<TopicState> states = provisioner.create(topics);
      Instant until = Instant.now().plus(CLUSTER_START);
      while (states.stream().anyMatch(state -> state.replicationFactor() == 0) && Instant.now().isBefore(until)) {
        Thread.sleep(TICK.toMillis());
        states = provisioner.describe(topics);
      }
      return states.stream().mapToInt(TopicState::replicationFactor).min().orElse(0);
    }
  }

  private Path publishV0(Map<String, Object> clients, TopicCatalog topics) throws Exception {
    Path v0Dir = settings.dataDir().resolve("v0");
    Path v0File = v0Dir.resolve(ChaosSettings.POLICY + "-v0.ckpt");
    V0Bootstrap.ensure(new ModelRuntime(IMAGE_SIZE, Duration.ZERO, settings.seed(), 0, V0Choice.parse(
        V0Choice.SHIPPED)), clients, topics, new FileBlobStore(settings.dataDir().resolve("blobs")), v0Dir, v0File,
        out);
    return v0File;
  }

  /** The kill loop; returns when the first kill happened. */
  private Instant killFor(Duration duration, BrokerCluster cluster, ClusterHealth health, OutputWatcher watcher)
      throws Exception {
    Instant until = Instant.now().plus(duration);
    Instant firstKill = null;
    // the wait counts from the previous kill, so the checks around a kill do not stretch the interval
    Instant previous = Instant.now();
    try (BrokerRecovery brokers = new BrokerRecovery(health, this::recovered)) {
      while (Instant.now().isBefore(until)) {
        Instant next = previous.plus(schedule.nextWait());
        while (Instant.now().isBefore(next) && Instant.now().isBefore(until)) {
          restartUnplannedExits();
          Thread.sleep(TICK.toMillis());
        }
        if (!Instant.now().isBefore(until)) {
          break;
        }
        boolean brokersWhole = !brokers.awaiting() && health.whole();
        List<ChaosTarget> alive = processes.stream().filter(SupervisedProcess::isAlive)
            .map(SupervisedProcess::target).toList();
        Optional<ChaosTarget> victim = schedule.nextVictim(alive, brokersWhole);
        if (victim.isEmpty()) {
          continue;
        }
        SupervisedProcess process = processNamed(victim.get().name());
        Instant killedAt = Instant.now();
        previous = killedAt;
        process.kill();
        Optional<Map<TopicPartition, Long>> endsAtKill = victim.get().isBroker() ? Optional.empty()
            : health.endOffsets(watcher.partitions());
        process.start();
        firstKill = firstKill == null ? killedAt : firstKill;
        kills.merge(victim.get().kind().key(), 1, Integer::sum);
        out.accept("killed " + victim.get().name() + " (SIGKILL) and restarted it; kills so far " + kills);
        if (victim.get().isBroker()) {
          int node = BrokerCluster.nodeId(victim.get().name());
          brokers.await(victim.get().name(), cluster.address(node), node, killedAt);
        } else if (endsAtKill.isPresent()) {
          watcher.awaitRecovery(victim.get().name(), killedAt, endsAtKill.get());
        } else {
          recovery.unobserved();
          out.accept("recovery of " + victim.get().name() + " not measured: the cluster did not give its ends");
        }
      }
      // a broker still catching up is whole again before the drain's figures are read
      Instant bound = Instant.now().plus(settings.drain());
      while (brokers.awaiting() && Instant.now().isBefore(bound)) {
        Thread.sleep(TICK.toMillis());
      }
      brokers.takeUnrecovered().ifPresent(name -> {
        recovery.unobserved();
        out.accept("recovery of " + name + " not seen before the drain ended");
      });
    }
    return firstKill == null ? Instant.now() : firstKill;
  }

  private void recovered(String target, Duration time) {
    recovery.recovered(time.toMillis());
    out.accept(target + " recovered in " + time.toMillis() + " ms");
  }

  /**
   * A component that died without being killed is restarted, as a service manager would, and counted; one that keeps
   * dying waits longer before each restart ({@link RestartBackoff}).
   */
  private void restartUnplannedExits() throws IOException {
    Instant now = Instant.now();
    for (SupervisedProcess process : processes) {
      String name = process.target().name();
      if (process.isAlive()) {
        continue;
      }
      if (!backoff.waiting(name)) {
        unplannedExits.merge(name, 1, Integer::sum);
        Duration wait = backoff.exited(name, process.startedAt(), now);
        out.accept(name + " stopped by itself (" + process.state() + ", see " + process.log() + "); restarting it"
            + (wait.isZero() ? "" : " in " + wait.toSeconds() + " s (back-off: it keeps stopping)"));
      }
      if (backoff.due(name, now)) {
        process.start();
        backoff.restarted(name);
      }
    }
  }

  /**
   * Waits, at most the drain time, until the games started before it have ended and been scored, every kill's
   * recovery has been seen, and the load's records have been handled (the last poison records are written when the
   * kills stop, and a reader restarted late, the trainer say, is still working through them); the load is asked
   * every {@link #LOAD_CHECK} once the rest is done, since that reads the dead letters.
   */
  private void drain(Instant drainStart, OutputWatcher watcher, BooleanSupplier loadSettled)
      throws Exception {
    Instant until = drainStart.plus(settings.drain());
    boolean settled = false;
    while (Instant.now().isBefore(until)) {
      boolean gamesDone = watcher.openStartedBefore(drainStart) == 0 && watcher.completedUnscored() == 0
          && watcher.pendingRecoveries() == 0;
      settled = gamesDone && loadSettled.getAsBoolean();
      if (settled) {
        break;
      }
      restartUnplannedExits();
      Thread.sleep((gamesDone ? LOAD_CHECK : TICK).toMillis());
    }
    out.accept("drained in " + Duration.between(drainStart, Instant.now()).toSeconds() + " s: "
        + watcher.openStartedBefore(drainStart) + " game(s) started before the drain still open, "
        + watcher.completedUnscored() + " completed game(s) not scored yet"
        + (settled ? "" : ", the load's records perhaps not all handled"));
  }

  private static void stopInReverse(List<SupervisedProcess> components) throws InterruptedException {
    for (int i = components.size() - 1; i >= 0; i--) {
      components.get(i).close();
    }
  }

  private SupervisedProcess processNamed(String name) {
    return processes.stream().filter(process -> process.target().name().equals(name)).findFirst().orElseThrow();
  }

  /** Waits for {@code done}, restarting meanwhile any component that died by itself (at start-up, too). */
  private void await(String what, Duration bound, java.util.function.BooleanSupplier done)
      throws InterruptedException, IOException {
    Instant until = Instant.now().plus(bound);
    while (!done.getAsBoolean()) {
      restartUnplannedExits();
      if (Instant.now().isAfter(until)) {
        throw new IllegalStateException("vz chaos gave up waiting for " + what + " after " + bound.toSeconds()
            + " s: see the process logs");
      }
      Thread.sleep(TICK.toMillis());
    }
  }

  private static void requireEmpty(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("--data-dir " + dir + " is not empty: vz chaos needs a new or empty "
              + "directory (it formats three brokers there)");
        }
      }
    }
    Files.createDirectories(dir);
  }
}
