package org.visionzero.ops.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.events.DeadLetter;
import org.visionzero.ops.chaos.poison.DeadLetterCounts;
import org.visionzero.ops.chaos.poison.PoisonAccounting;
import org.visionzero.ops.chaos.poison.PoisonKind;
import org.visionzero.ops.chaos.poison.PoisonReport;
import org.visionzero.ops.chaos.poison.PoisonWriter;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * {@code --poison N}: N hostile records ({@link PoisonWriter}: every kind, every input topic) written in small
 * batches spread evenly over the kill phase, the rest at its end; afterwards every one must be accounted for by
 * a dead letter with its reason ({@link PoisonAccounting}; replays are tolerated by idempotence instead).
 */
final class PoisonLoad implements ChaosLoad {
  private static final Logger LOG = LoggerFactory.getLogger(PoisonLoad.class);
  private static final Duration TICK = Duration.ofSeconds(2);
  /** Records listed by name in the report when some are unaccounted for. */
  private static final int EXAMPLES = 10;
  /** Longest read of the dead letters when the drain asks whether every record has one. */
  private static final Duration SETTLED_READ = Duration.ofSeconds(10);

  private final int records;
  private final long seed;
  private final List<PoisonReport.Written> written = new ArrayList<>();
  private final Map<String, Long> writtenByKind = new TreeMap<>();
  private final Set<String> replayedKeys = new HashSet<>();
  private int requested;
  private PoisonWriter writer;
  private Thread thread;
  private volatile boolean stopping;

  PoisonLoad(int records, long seed) {
    this.records = records;
    this.seed = seed;
  }

  @Override
  public synchronized void start(Map<String, Object> clientProperties, TopicCatalog topics, Duration runFor) {
    // vz.training has no reader in this deployment (in vz run the run's report reads and dead-letters it).
    List<Topic<String, ?>> targets = PoisonWriter.inputTopics(topics).stream()
        .filter(topic -> !topic.name().equals(topics.training().name())).toList();
    writer = new PoisonWriter(clientProperties, topics, seed, targets);
    long startedAt = System.nanoTime();
    thread = new Thread(() -> writeSpread(startedAt, runFor), "vz-chaos-poison");
    thread.setDaemon(true);
    thread.start();
  }

  private void writeSpread(long startedAt, Duration runFor) {
    try {
      while (!stopping) {
        double share = Math.min(1.0, (System.nanoTime() - startedAt) / (double) runFor.toNanos());
        writeUpTo((int) Math.floor(records * share));
        Thread.sleep(TICK.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // A broker being killed can fail a batch; the rest is written at the end.
      LOG.warn("poison batch failed ({}); the rest is written when the kills stop", e.toString());
    }
  }

  private synchronized void writeUpTo(int target) {
    int count = target - requested;
    if (count > 0) {
      PoisonReport report = writer.write(count);
      requested += count;
      written.addAll(report.records());
      report.records().stream()
          .filter(w -> w.kind().equals(PoisonKind.REPLAYED_DUPLICATE.tag()) && w.key() != null)
          .forEach(w -> replayedKeys.add(w.key()));
      report.writtenByKind().forEach((kind, n) -> writtenByKind.merge(kind, n, Long::sum));
    }
  }

  @Override
  public void close() {
    stopping = true;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      if (writer != null) {
        writeUpTo(records);
        writer.close();
        writer = null;
      }
    }
  }

  /** True once every poison record written (replays aside) has a dead letter. */
  @Override
  public synchronized boolean settled(Map<String, Object> clientProperties, TopicCatalog topics) {
    try {
      return PoisonAccounting.unaccounted(written, DeadLetterCounts.readAll(clientProperties, topics, SETTLED_READ))
          .isEmpty();
    } catch (RuntimeException e) {
      // a slow cluster: not known to be settled, the drain asks again
      return false;
    }
  }

  @Override
  public synchronized Map<String, Object> report(Map<String, Object> clientProperties, TopicCatalog topics,
      Duration timeout) {
    List<DeadLetter> letters = DeadLetterCounts.readAll(clientProperties, topics, timeout);
    List<PoisonReport.Written> unaccounted = PoisonAccounting.unaccounted(written, letters);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("written", requested);
    report.put("records", written.size());
    report.put("writtenByKind", writtenByKind);
    report.put("deadLettered", DeadLetterCounts.byReason(letters));
    report.put("unaccounted", unaccounted.size());
    report.put("unaccountedExamples", unaccounted.stream().limit(EXAMPLES)
        .map(w -> w.kind() + " on " + w.topic() + "/" + w.partition() + "@" + w.offset()).toList());
    return report;
  }

  /**
   * True when the load replayed a record keyed by {@code gameId}: a replayed turn request is answered again (workers
   * keep no memory of what they answered; the coordinator drops the second answer by its event id), so that game's
   * answers are not the system's duplicates.
   */
  @Override
  public synchronized boolean replayedInto(String gameId) {
    return replayedKeys.contains(gameId);
  }

  /** Poison records without a dead letter (replays excepted), once {@link #report} has read them. */
  static long unaccounted(Map<String, Object> report) {
    Object value = report.get("unaccounted");
    return value instanceof Number n ? n.longValue() : 0;
  }
}
