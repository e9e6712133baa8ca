package org.visionzero.workers.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.Policy;

/**
 * The policy versions a worker holds: for each policy name a current version (what {@code version -1}
 * means), plus versions pinned by evaluation games, loaded on demand and dropped least-recently-used beyond
 * the bound. New versions are loaded off the hot path and staged; the worker swaps them in between batches.
 *
 * <p>Threads: {@link #stage} and {@link #highestVersion} may be called from the checkpoint watcher; every
 * other method belongs to the worker thread.
 */
public final class PolicyRegistry implements AutoCloseable {
  private static final int BASE_VERSION = 0;

  private final CheckpointIndex index;
  private final CheckpointLoader loader;
  private final int maxLoaded;
  private final Map<VersionKey, Policy> loaded = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<String, Integer> current = new ConcurrentHashMap<>();
  private final Map<String, Staged> staged = new ConcurrentHashMap<>();
  private final AtomicInteger loadedCount = new AtomicInteger();

  /** A version swapped in as current. */
  public record Swap(VersionKey version, Optional<Integer> previous, Instant announcedAt) {}

  private record Staged(VersionKey version, Policy policy, Instant announcedAt) {}

  public PolicyRegistry(CheckpointIndex index, CheckpointLoader loader, int maxLoaded) {
    this.index = Objects.requireNonNull(index, "index");
    this.loader = Objects.requireNonNull(loader, "loader");
    if (maxLoaded < 1) {
      throw new IllegalArgumentException("at least one policy version must be loadable, was " + maxLoaded);
    }
    this.maxLoaded = maxLoaded;
  }

  /**
   * The policy that must play a request: the current version for {@code -1}, else the pinned version,
   * loaded now from its checkpoint if this worker does not hold it.
   */
  public Policy resolve(PolicyRef requested) throws PolicyLoadException {
    String name = requested.getName();
    int version = requested.getVersion();
    if (version == VersionKey.CURRENT) {
      Integer currentVersion = current.get(name);
      if (currentVersion != null) {
        return loaded.get(new VersionKey(name, currentVersion));
      }
      Policy base = obtain(new VersionKey(name, BASE_VERSION));
      current.putIfAbsent(name, BASE_VERSION);
      return base;
    }
    if (version < VersionKey.CURRENT) {
      throw new PolicyLoadException("policy version must be >= 0 or -1 (current), was " + version);
    }
    return obtain(new VersionKey(name, version));
  }

  /** Offers a loaded new version (watcher thread); it becomes current at the next {@link #applyStaged}. */
  public void stage(VersionKey version, Policy policy, Instant announcedAt) {
    Staged fresh = new Staged(version, policy, announcedAt);
    Staged[] dropped = new Staged[1];
    staged.compute(version.name(), (name, old) -> {
      boolean newer = old == null || version.version() > old.version().version();
      dropped[0] = newer ? old : fresh;
      return newer ? fresh : old;
    });
    if (dropped[0] != null) {
      dropped[0].policy().close(); // superseded before it was ever served
    }
  }

  /** The newest version current or staged for a name, or -1; the watcher skips anything not newer. */
  public int highestVersion(String name) {
    int highest = current.getOrDefault(name, VersionKey.CURRENT);
    Staged pending = staged.get(name);
    return pending == null ? highest : Math.max(highest, pending.version().version());
  }

  /** Makes staged versions current (worker thread, between batches), then trims what is held. */
  public List<Swap> applyStaged() {
    List<Swap> swaps = new ArrayList<>();
    for (String name : Set.copyOf(staged.keySet())) {
      Staged next = staged.remove(name);
      if (next == null) {
        continue;
      }
      Integer previous = current.get(name);
      if (previous != null && previous >= next.version().version()) {
        next.policy().close();
        continue;
      }
      Policy old = loaded.put(next.version(), next.policy());
      if (old != null && old != next.policy()) {
        old.close();
      }
      current.put(name, next.version().version());
      swaps.add(new Swap(next.version(), Optional.ofNullable(previous), next.announcedAt()));
    }
    trim();
    loadedCount.set(loaded.size());
    return swaps;
  }

  /** The current version of a policy name, if this worker has one. */
  public Optional<Integer> currentVersion(String name) {
    return Optional.ofNullable(current.get(name));
  }

  /** Versions held in memory (worker thread). */
  public Set<VersionKey> loadedVersions() {
    return Set.copyOf(loaded.keySet());
  }

  /** Number of versions held, safe to read from any thread (metrics). */
  public int loadedCount() {
    return loadedCount.get();
  }

  private Policy obtain(VersionKey key) throws PolicyLoadException {
    Policy held = loaded.get(key);
    if (held != null) {
      return held;
    }
    Optional<KnownCheckpoint> checkpoint = index.find(key);
    Policy policy = checkpoint.isPresent()
        ? loader.load(key, checkpoint.get())
        : loader.loadWithoutCheckpoint(key);
    loaded.put(key, policy);
    loadedCount.set(loaded.size());
    return policy;
  }

  /** Drops least-recently-used versions beyond the bound; current versions always stay. */
  private void trim() {
    Iterator<Map.Entry<VersionKey, Policy>> oldestFirst = loaded.entrySet().iterator();
    int excess = loaded.size() - maxLoaded;
    while (excess > 0 && oldestFirst.hasNext()) {
      Map.Entry<VersionKey, Policy> entry = oldestFirst.next();
      VersionKey key = entry.getKey();
      if (!Objects.equals(current.get(key.name()), key.version())) {
        entry.getValue().close();
        oldestFirst.remove();
        excess--;
      }
    }
  }

  @Override
  public void close() {
    loaded.values().forEach(Policy::close);
    loaded.clear();
    staged.values().forEach(s -> s.policy().close());
    staged.clear();
    loadedCount.set(0);
  }
}
