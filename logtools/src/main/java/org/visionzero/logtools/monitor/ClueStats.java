package org.visionzero.logtools.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.visionzero.events.PolicyRef;

/**
 * Clue statistics per policy version, as Micrometer meters (tags {@code policy}, {@code version}):
 * {@value #LENGTH} (words per clue), {@value #CLUES}, {@value #REPEATED} (same text as an earlier clue of the
 * same game, ignoring case and spacing), and gauges {@value #VOCABULARY} (distinct words used) and {@value #REPEATED_SHARE}. A clue
 * recorded twice (same event id) counts once; a game's clues are forgotten when it ends.
 */
public final class ClueStats {
  public static final String LENGTH = "vz.monitor.clue.length";
  public static final String CLUES = "vz.monitor.clues";
  public static final String REPEATED = "vz.monitor.clues.repeated";
  public static final String VOCABULARY = "vz.monitor.clue.vocabulary";
  public static final String REPEATED_SHARE = "vz.monitor.clue.repeated.share";
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final MeterRegistry registry;
  private final Map<PolicyKey, VersionStats> versions = new ConcurrentHashMap<>();
  private final Map<String, GameClues> games = new ConcurrentHashMap<>();

  public ClueStats(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Records one clue of a game; returns false when the event was already counted. */
  public boolean clue(String gameId, String eventId, PolicyRef policy, String text) {
    GameClues game = games.computeIfAbsent(gameId, id -> new GameClues());
    if (!game.eventIds.add(eventId)) {
      return false;
    }
    String normalised = SPACES.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    boolean repeated = !game.texts.add(normalised);
    VersionStats stats = versions.computeIfAbsent(new PolicyKey(policy.getName(), policy.getVersion()),
        this::register);
    String[] words = words(normalised);
    stats.length.record(words.length);
    stats.clues.increment();
    if (repeated) {
      stats.repeated.increment();
    }
    for (String word : words) {
      stats.vocabulary.add(word);
    }
    return true;
  }

  /** Forgets a finished game's clues (repeats are counted within a game). */
  public void gameEnded(String gameId) {
    games.remove(gameId);
  }

  /** Games whose clues are kept (running games). */
  public int gamesTracked() {
    return games.size();
  }

  /** The numbers of one policy version, or empty numbers when it gave no clue. */
  public Snapshot snapshot(PolicyRef policy) {
    VersionStats stats = versions.get(new PolicyKey(policy.getName(), policy.getVersion()));
    if (stats == null) {
      return new Snapshot(0, 0, 0, 0.0);
    }
    return new Snapshot((long) stats.clues.count(), (long) stats.repeated.count(), stats.vocabulary.size(),
        stats.length.mean());
  }

  /**
   * @param clues      clues counted
   * @param repeated   clues that repeated an earlier clue of their game
   * @param vocabulary distinct words used
   * @param meanLength mean words per clue
   */
  public record Snapshot(long clues, long repeated, int vocabulary, double meanLength) {
    public double repeatedShare() {
      return clues == 0 ? 0.0 : (double) repeated / clues;
    }
  }

  static String[] words(String text) {
    String trimmed = WORD_SEPARATORS.matcher(text).replaceAll(" ").strip();
    return trimmed.isEmpty() ? new String[0] : trimmed.split(" ");
  }

  private VersionStats register(PolicyKey key) {
    Tags tags = Tags.of("policy", key.name(), "version", Integer.toString(key.version()));
    VersionStats stats = new VersionStats(
        DistributionSummary.builder(LENGTH).baseUnit("words").description("Words per clue").tags(tags)
            .register(registry),
        registry.counter(CLUES, tags), registry.counter(REPEATED, tags), ConcurrentHashMap.newKeySet());
    Gauge.builder(VOCABULARY, stats.vocabulary, Set::size).description("Distinct words used in clues")
        .tags(tags).register(registry);
    Gauge.builder(REPEATED_SHARE, stats, VersionStats::repeatedShare)
        .description("Share of clues repeating an earlier clue of the same game").tags(tags).register(registry);
    return stats;
  }

  private record PolicyKey(String name, int version) {}

  private record VersionStats(DistributionSummary length, Counter clues, Counter repeated, Set<String> vocabulary) {
    double repeatedShare() {
      return clues.count() == 0 ? 0.0 : repeated.count() / clues.count();
    }
  }

  private static final class GameClues {
    final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    final Set<String> texts = ConcurrentHashMap.newKeySet();
  }
}
