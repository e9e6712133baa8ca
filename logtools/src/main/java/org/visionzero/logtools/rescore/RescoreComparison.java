package org.visionzero.logtools.rescore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Compares re-derived with recorded trajectories by game id, on their canonical bytes. */
final class RescoreComparison {
  private RescoreComparison() {}

  /**
   * @param rescored           canonical bytes of each re-derived trajectory, by game id
   * @param recorded           canonical bytes of each game's first recorded trajectory, by game id
   * @param startedInWindow    games whose start was re-read (only their recorded trajectories are expected)
   * @param inconsistent       recorded trajectories that contradict themselves, by game id, with the reasons
   * @param recordedDuplicates recorded trajectories beyond the first of their game, among those compared
   * @param deadLetters        records the re-scoring dead-lettered
   */
  static RescoreReport compare(String from, String scratchTopic, Map<String, byte[]> rescored,
      Map<String, byte[]> recorded, Set<String> startedInWindow, Map<String, List<String>> inconsistent,
      int recordedDuplicates, int deadLetters) {
    Set<String> compared = new TreeSet<>(rescored.keySet());
    for (String gameId : recorded.keySet()) {
      if (startedInWindow.contains(gameId)) {
        compared.add(gameId);
      }
    }
    int identical = 0;
    List<String> differing = new ArrayList<>();
    List<String> notRecorded = new ArrayList<>();
    List<String> notRescored = new ArrayList<>();
    for (String gameId : compared) {
      byte[] again = rescored.get(gameId);
      byte[] before = recorded.get(gameId);
      if (before == null) {
        notRecorded.add(gameId);
      } else if (again == null) {
        notRescored.add(gameId);
      } else if (Arrays.equals(again, before)) {
        identical++;
      } else {
        differing.add(gameId);
      }
    }
    return new RescoreReport(from, scratchTopic, compared.size(), identical, differing, notRecorded, notRescored,
        new TreeMap<>(inconsistent), recordedDuplicates, deadLetters);
  }
}
