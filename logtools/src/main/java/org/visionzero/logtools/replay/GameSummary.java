package org.visionzero.logtools.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.Winner;
import org.visionzero.json.Json;
import org.visionzero.text.SafeText;

/**
 * One game in the index of {@code vz replay --list}.
 *
 * @param gameId         the game
 * @param startedAt      when it started
 * @param pairId         its image pair
 * @param purpose        training or evaluation
 * @param civilianPolicy policy of the civilians
 * @param spyPolicy      policy of the spy
 * @param decisionPolicy policy of the decision stage
 * @param status         running, completed or aborted
 * @param winner         who won a completed game, null otherwise
 * @param events         events recorded for it
 */
public record GameSummary(String gameId, Instant startedAt, String pairId, Purpose purpose,
    PolicyRef civilianPolicy, PolicyRef spyPolicy, PolicyRef decisionPolicy, Status status, Winner winner,
    int events) {

  /** Where a game stands in the log. */
  public enum Status { RUNNING, COMPLETED, ABORTED }

  public GameSummary {
    Objects.requireNonNull(gameId, "gameId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(status, "status");
  }

  boolean playedVersion(int version) {
    return civilianPolicy.getVersion() == version || spyPolicy.getVersion() == version
        || decisionPolicy.getVersion() == version;
  }

  public String toLine() {
    return String.format(Locale.ROOT, "%s  %-40s %-10s %-9s %-8s civ %s spy %s dec %s  %d events  pair %s",
        startedAt, SafeText.terminal(gameId), purpose, status.name().toLowerCase(Locale.ROOT),
        winner == null ? "-" : winner, SafeText.terminal(TimelineEntry.policyName(civilianPolicy)),
        SafeText.terminal(TimelineEntry.policyName(spyPolicy)),
        SafeText.terminal(TimelineEntry.policyName(decisionPolicy)), events, SafeText.terminal(pairId));
  }

  public static String toJson(List<GameSummary> games) {
    ArrayNode array = Json.mapper().createArrayNode();
    for (GameSummary game : games) {
      ObjectNode node = array.addObject();
      node.put("gameId", game.gameId());
      node.put("startedAt", game.startedAt().toString());
      node.put("pairId", game.pairId());
      node.put("purpose", game.purpose().name());
      node.set("civilianPolicy", PolicyJson.of(game.civilianPolicy()));
      node.set("spyPolicy", PolicyJson.of(game.spyPolicy()));
      node.set("decisionPolicy", PolicyJson.of(game.decisionPolicy()));
      node.put("status", game.status().name());
      node.put("winner", game.winner() == null ? null : game.winner().name());
      node.put("events", game.events());
    }
    return Json.write(array);
  }
}
