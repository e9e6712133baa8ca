package org.visionzero.ops.chaos.poison;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.visionzero.events.DeadLetter;
import org.visionzero.ops.deadletter.SpecificReason;
import org.visionzero.ops.eval.TopicTail;
import org.visionzero.topics.TopicCatalog;

/** The dead letters on the log, counted by their specific reason ({@link SpecificReason}). */
public final class DeadLetterCounts {
  private static final Duration POLL = Duration.ofMillis(200);

  private DeadLetterCounts() {}

  /**
   * Dead letters by reason, read committed, from the beginning to the end the topic has now; a letter one
   * component wrote again for the same record (same event id) counts once.
   */
  public static Map<String, Long> read(Map<String, Object> clientProps, TopicCatalog topics, Duration timeout) {
    return byReason(readAll(clientProps, topics, timeout));
  }

  /** The letters by reason, a letter one component wrote again for the same record counted once. */
  public static Map<String, Long> byReason(List<DeadLetter> letters) {
    Map<String, Long> counts = new TreeMap<>();
    Set<List<String>> seen = new HashSet<>();
    for (DeadLetter letter : letters) {
      // a reader that re-reads its input after a restart letters the same record again; letters without a
      // record (a refused checkpoint blob) have no position to tell two apart, and all count
      boolean again = letter.getSourceOffset() >= 0
          && !seen.add(List.of(letter.getComponent(), letter.getEventId()));
      if (!again) {
        counts.merge(SpecificReason.of(letter), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** Every dead letter on the topic now; throws when it cannot be read to its end within {@code timeout}. */
  public static List<DeadLetter> readAll(Map<String, Object> clientProps, TopicCatalog topics, Duration timeout) {
    Instant until = Instant.now().plus(timeout);
    try (TopicTail<DeadLetter> tail = new TopicTail<>(clientProps, topics.deadLetters(),
        "vz-dead-letter-counts-" + UUID.randomUUID())) {
      List<DeadLetter> letters = tail.pollToEnd(POLL, () -> Instant.now().isBefore(until));
      if (tail.lag() > 0) {
        throw new IllegalStateException(topics.deadLetters().name() + " was not read to its end within " + timeout);
      }
      return letters;
    }
  }
}
