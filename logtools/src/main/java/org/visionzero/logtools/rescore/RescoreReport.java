package org.visionzero.logtools.rescore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.visionzero.json.Json;

/**
 * What {@code vz rescore} found. Scoring is deterministic, so anything but "all identical" is a bug or a
 * change of rules.
 *
 * @param from               where the re-derivation started
 * @param scratchTopic       the topic the re-derived trajectories were written to (deleted afterwards)
 * @param total              games compared: completed in the re-read part of the log, or recorded for a game
 *                           started there
 * @param identical          games whose re-derived trajectory has the same canonical bytes as the recorded one
 * @param differing          games whose trajectories differ
 * @param notRecorded        games re-derived but with no recorded trajectory (a lagging or failed scorer)
 * @param notRescored        games with a recorded trajectory that the events no longer produce
 * @param inconsistent       recorded trajectories that contradict themselves (outcome, clue rewards or decision
 *                           rewards not recomputable from their own decision samples), by game id, with every
 *                           contradiction in words: a trajectory can be identical to a re-run of the same fold
 *                           and still be wrong, so this is checked independently of the fold
 * @param recordedDuplicates recorded trajectories beyond the first of their game (exactly-once says 0)
 * @param deadLetters        records of the re-read log the re-scoring could not process
 */
public record RescoreReport(String from, String scratchTopic, int total, int identical, List<String> differing,
    List<String> notRecorded, List<String> notRescored, SortedMap<String, List<String>> inconsistent,
    int recordedDuplicates, int deadLetters) {

  public RescoreReport {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(scratchTopic, "scratchTopic");
    differing = List.copyOf(differing);
    notRecorded = List.copyOf(notRecorded);
    notRescored = List.copyOf(notRescored);
    inconsistent = Collections.unmodifiableSortedMap(new TreeMap<>(inconsistent));
  }

  /**
   * True when every compared game is identical and nothing is missing or duplicated. Dead letters are no
   * difference: the pipeline's scorer dead-lettered the same undecodable records.
   */
  public boolean allIdentical() {
    return identical == total && differing.isEmpty() && notRecorded.isEmpty() && notRescored.isEmpty()
        && recordedDuplicates == 0;
  }

  /** True when no recorded trajectory contradicts itself. */
  public boolean allConsistent() {
    return inconsistent.isEmpty();
  }

  /** True when the log re-scores to the very bytes recorded, and every recorded trajectory agrees with itself. */
  public boolean passed() {
    return allIdentical() && allConsistent();
  }

  public String toJson() {
    ObjectNode node = Json.object();
    node.put("from", from);
    node.put("scratchTopic", scratchTopic);
    node.put("total", total);
    node.put("identical", identical);
    node.put("allIdentical", allIdentical());
    differing.forEach(node.putArray("differing")::add);
    notRecorded.forEach(node.putArray("notRecorded")::add);
    notRescored.forEach(node.putArray("notRescored")::add);
    node.put("allConsistent", allConsistent());
    ObjectNode contradictions = node.putObject("inconsistent");
    inconsistent.forEach((gameId, problems) -> problems.forEach(contradictions.putArray(gameId)::add));
    node.put("recordedDuplicates", recordedDuplicates);
    node.put("deadLetters", deadLetters);
    return Json.write(node);
  }
}
