package org.visionzero.ops.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.visionzero.json.Json;

/**
 * The figures of a chaos run ({@code chaos.json}) and the guarantees they break, if any.
 *
 * @param topicReplicas      the fewest replicas a topic of the catalog has
 * @param kills              kills by component kind ({@link ComponentKind#key()})
 * @param unplannedExits     processes that stopped without being killed (restarted by the supervisor), by name
 * @param restartBackoff     restarts of processes that kept stopping by themselves that waited ({@link RestartBackoff})
 * @param games              what became of the games, from the game events alone
 * @param turnsAnsweredTwice turns with more than one answer in the log ({@code LogAudit}): the sum of the next two
 * @param sameAttemptTwice   turns with one attempt answered twice: duplicates ({@link TurnAnswers})
 * @param toTwoAttempts      turns answered to two attempts: a late answer and the retry's ({@link TurnAnswers})
 * @param retries            turns requested again after their timeout
 * @param trajectoriesTwice  games with more than one recorded trajectory ({@code LogAudit})
 * @param inconsistent       trajectories that contradict their own decisions ({@code LogAudit})
 * @param unscored           completed games with no trajectory ({@code LogAudit})
 * @param checkpoints        trained twice and bad checkpoints ({@link CheckpointAudit})
 * @param poison             what the run's load wrote and what was dead-lettered ({@link ChaosLoad})
 */
public record ChaosReport(long wallSeconds, List<String> processes, int topicReplicas, Map<String, Integer> kills,
    Map<String, Integer> unplannedExits, Map<String, RestartBackoff.Waits> restartBackoff, RecoveryTimes recovery,
    GameEnds.Tally games, int turnsAnsweredTwice,
    int sameAttemptTwice, int toTwoAttempts, int retries, int trajectoriesTwice, int inconsistent, int unscored, CheckpointAudit checkpoints, int rescoredIdentical, int rescoredTotal,
    Map<String, Object> poison, Optional<AccuracyPoint> accuracyAtFirstKill, Optional<AccuracyPoint> accuracyAtEnd,
    long undecodable) {

  private static final int LISTED = 10;
  private static final int DECIMALS = 4;

  public ChaosReport {
    kills = new TreeMap<>(kills);
    unplannedExits = new TreeMap<>(unplannedExits);
    restartBackoff = new TreeMap<>(restartBackoff);
    processes = List.copyOf(processes);
    poison = Map.copyOf(poison);
  }

  public int totalKills() {
    return kills.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** One sentence per guarantee the run broke; empty when it kept them all. */
  public List<String> broken() {
    List<String> broken = new ArrayList<>();
    if (games.lostCount() > 0) {
      broken.add(games.lostCount() + " game(s) lost (started before the drain, never completed nor aborted, no event "
          + "for longer than the stall horizon), e.g. " + first(games.lost()));
    }
    if (sameAttemptTwice > 0) {
      broken.add(sameAttemptTwice + " turn(s) with the same attempt answered more than once");
    }
    if (trajectoriesTwice > 0) {
      broken.add(trajectoriesTwice + " game(s) with more than one trajectory");
    }
    if (!checkpoints.trainedTwice().isEmpty()) {
      broken.add(checkpoints.trainedTwice().size() + " trajectory(ies) trained more than once, e.g. "
          + first(checkpoints.trainedTwice()));
    }
    if (rescoredIdentical != rescoredTotal) {
      broken.add((rescoredTotal - rescoredIdentical) + " of " + rescoredTotal + " trajectories differ when re-scored "
          + "from the game events (vz rescore names them)");
    }
    if (inconsistent > 0 || unscored > 0) {
      broken.add(inconsistent + " trajectory(ies) contradict their decisions, " + unscored
          + " completed game(s) have none (vz audit names them)");
    }
    long unaccountedPoison = PoisonLoad.unaccounted(poison);
    if (unaccountedPoison > 0) {
      broken.add(unaccountedPoison + " poison record(s) without a dead letter, e.g. "
          + poison.get("unaccountedExamples"));
    }
    if (!checkpoints.badLoaded().isEmpty()) {
      broken.add(checkpoints.badLoaded().size() + " checkpoint(s) that answered turns fail verification: "
          + first(checkpoints.badLoaded()));
    }
    if (!checkpoints.chainUnreadable().isEmpty()) {
      broken.add("the trainer's checkpoint chain cannot be read to count trained games: "
          + first(checkpoints.chainUnreadable()));
    }
    return broken;
  }

  public String toJson() {
    ObjectNode node = Json.object();
    node.put("ok", broken().isEmpty());
    broken().forEach(node.putArray("broken")::add);
    node.put("wallSeconds", wallSeconds);
    processes.forEach(node.putArray("processes")::add);
    node.put("topicReplicas", topicReplicas);
    ObjectNode killNode = node.putObject("kills");
    kills.forEach(killNode::put);
    killNode.put("total", totalKills());
    ObjectNode exits = node.putObject("unplannedExits");
    unplannedExits.forEach(exits::put);
    ObjectNode waited = node.putObject("restartBackoff");
    restartBackoff.forEach((name, waits) -> waited.putObject(name).put("delayedRestarts", waits.delayedRestarts())
        .put("longestMs", waits.longestMs()).put("totalMs", waits.totalMs()));
    ObjectNode recoveryNode = node.putObject("recoveryMs");
    putOrNull(recoveryNode, "p50", recovery.p50());
    putOrNull(recoveryNode, "p99", recovery.p99());
    recoveryNode.put("observed", recovery.observedCount());
    recoveryNode.put("unobserved", recovery.unobservedCount());
    node.put("gamesStarted", games.started());
    node.put("gamesFinished", games.finished());
    node.put("gamesAborted", games.aborted());
    node.put("gamesInFlight", games.inFlight());
    node.put("gamesLost", games.lostCount());
    games.lost().stream().limit(LISTED).forEach(node.putArray("lostGames")::add);
    node.put("turnsAnsweredTwice", turnsAnsweredTwice);
    node.put("turnsAnsweredTwiceSameAttempt", sameAttemptTwice);
    node.put("turnsAnsweredToTwoAttempts", toTwoAttempts);
    node.put("turnsRetried", retries);
    node.put("trajectoriesRecordedTwice", trajectoriesTwice);
    node.put("trajectoriesTrainedTwice", checkpoints.trainedTwice().size());
    node.put("trajectoriesTrained", checkpoints.gamesTrained());
    node.put("inconsistentTrajectories", inconsistent);
    node.put("completedWithoutTrajectory", unscored);
    node.put("rescoredIdentical", rescoredIdentical);
    node.put("rescoredTotal", rescoredTotal);
    node.put("badCheckpointsLoaded", checkpoints.badLoaded().size());
    checkpoints.badLoaded().stream().limit(LISTED).forEach(node.putArray("badCheckpoints")::add);
    node.put("newestVersion", checkpoints.newestVersion());
    node.set("poison", Json.mapper().valueToTree(poison));
    putAccuracy(node, "accuracyAtFirstKill", accuracyAtFirstKill);
    putAccuracy(node, "accuracyAtEnd", accuracyAtEnd);
    node.put("undecodable", undecodable);
    return Json.writePretty(node);
  }

  private static void putOrNull(ObjectNode node, String key, OptionalLong value) {
    if (value.isPresent()) {
      node.put(key, value.getAsLong());
    } else {
      node.putNull(key);
    }
  }

  private static void putAccuracy(ObjectNode node, String key, Optional<AccuracyPoint> point) {
    if (point.isEmpty()) {
      node.putNull(key);
      return;
    }
    ObjectNode accuracy = node.putObject(key);
    accuracy.put("version", point.get().version());
    accuracy.put("decisionAccuracy", Json.round(point.get().decisionAccuracy(), DECIMALS));
    accuracy.put("votes", point.get().votes());
    accuracy.put("games", point.get().games());
  }

  private static String first(java.util.Collection<String> items) {
    return items.stream().limit(3).toList().toString();
  }
}
