package org.visionzero.ops.deadletter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.visionzero.events.DeadLetter;

/**
 * Dead letters grouped by reason: the error's class (its simple name, e.g. {@code PolicyLoadException}) and the
 * topic the failed record came from, with how many there are and one message to act on.
 */
public final class DeadLetterReasons {

  private DeadLetterReasons() {
  }

  /** One reason: {@code count} letters, the newest's error and component. */
  public record Row(String reason, String sourceTopic, long count, String component, String example,
      String newest) {}

  /** The reason of a letter as {@code vz dead-letters} shows and filters it. */
  public static String reason(DeadLetter letter) {
    String name = letter.getErrorClass();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** True when {@code letter} has the reason (simple or full class name) and, if given, the source topic. */
  public static boolean matches(DeadLetter letter, String reason, String sourceTopic) {
    boolean reasonMatches = reason == null || reason.equals(reason(letter)) || reason.equals(letter.getErrorClass());
    boolean topicMatches = sourceTopic == null || sourceTopic.equals(letter.getSourceTopic());
    return reasonMatches && topicMatches;
  }

  /** The rows, most letters first. */
  public static List<Row> group(List<DeadLetter> letters) {
    Map<List<String>, List<DeadLetter>> byReason = new LinkedHashMap<>();
    for (DeadLetter letter : letters) {
      byReason.computeIfAbsent(List.of(reason(letter), letter.getSourceTopic()), key -> new ArrayList<>())
          .add(letter);
    }
    List<Row> rows = new ArrayList<>();
    byReason.forEach((key, group) -> {
      DeadLetter newest = group.stream().max(Comparator.comparing(DeadLetter::getOccurredAt)).orElseThrow();
      rows.add(new Row(key.get(0), key.get(1), group.size(), newest.getComponent(), newest.getError(),
          newest.getOccurredAt().toString()));
    });
    rows.sort(Comparator.comparingLong(Row::count).reversed().thenComparing(Row::reason));
    return rows;
  }
}
