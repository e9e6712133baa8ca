package org.visionzero.ops.cli;

import java.util.List;
import org.visionzero.ops.topics.TopicState;

/** Topic states as an aligned text table for people. */
final class TopicTable {

  private static final String ROW = "%-28s %-8s %10s %3s %-8s %14s  %s%n";

  private TopicTable() {
  }

  static String render(List<TopicState> topics) {
    StringBuilder table = new StringBuilder(String.format(ROW, "TOPIC", "STATUS", "PARTITIONS", "RF", "CLEANUP",
        "RETENTION.MS", "PROBLEMS"));
    for (TopicState topic : topics) {
      table.append(String.format(ROW, topic.topic(), topic.status(), topic.partitions(),
          topic.replicationFactor(), topic.configs().getOrDefault("cleanup.policy", "-"),
          topic.configs().getOrDefault("retention.ms", "-"),
          topic.problems().isEmpty() ? "-" : String.join("; ", topic.problems())));
    }
    return table.toString().stripTrailing();
  }
}
