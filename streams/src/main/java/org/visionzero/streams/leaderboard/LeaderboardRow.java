package org.visionzero.streams.leaderboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;
import org.visionzero.events.Outcome;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.Winner;
import org.visionzero.json.Json;

/**
 * Evaluation results of one (civilian-side policy version, spy policy version) pairing.
 *
 * @param civilianPolicy   policy name of the civilian seats
 * @param civilianVersion  its version
 * @param spyPolicy        policy name of the spy seat
 * @param spyVersion       its version
 * @param games            evaluation games played
 * @param civilianWins     games the civilians won
 * @param spyWins          games the spy won
 * @param decisionSamples  decision samples over all games
 * @param correctSamples   decision samples that named the spy
 * @param abstentions      N/A decision samples
 */
public record LeaderboardRow(String civilianPolicy, int civilianVersion, String spyPolicy, int spyVersion,
    long games, long civilianWins, long spyWins, long decisionSamples, long correctSamples, long abstentions) {

  public LeaderboardRow {
    Objects.requireNonNull(civilianPolicy, "civilianPolicy");
    Objects.requireNonNull(spyPolicy, "spyPolicy");
  }

  /** The row of one game. */
  public static LeaderboardRow of(ScoredTrajectory trajectory) {
    Outcome outcome = trajectory.getOutcome();
    boolean civilians = outcome.getWinner() == Winner.CIVILIANS;
    int spyVotes = outcome.getVotesPerSeat().get(outcome.getSpySeat() - 1);
    PolicyRef civilian = trajectory.getCivilianPolicy();
    PolicyRef spy = trajectory.getSpyPolicy();
    return new LeaderboardRow(civilian.getName(), civilian.getVersion(), spy.getName(), spy.getVersion(), 1,
        civilians ? 1 : 0, civilians ? 0 : 1, outcome.getTotalVotes(), spyVotes, outcome.getAbstentions());
  }

  /** The key of a pairing: {@code <civilian>:<version>|<spy>:<version>}. */
  public String key() {
    return civilianPolicy + ":" + civilianVersion + "|" + spyPolicy + ":" + spyVersion;
  }

  /** This row with another game (or row) of the same pairing added. */
  public LeaderboardRow plus(LeaderboardRow other) {
    if (!key().equals(other.key())) {
      throw new IllegalArgumentException("cannot add row " + other.key() + " to row " + key());
    }
    return new LeaderboardRow(civilianPolicy, civilianVersion, spyPolicy, spyVersion, games + other.games,
        civilianWins + other.civilianWins, spyWins + other.spyWins, decisionSamples + other.decisionSamples,
        correctSamples + other.correctSamples, abstentions + other.abstentions);
  }

  /** Share of decision samples that named the spy (0 without samples). */
  public double decisionAccuracy() {
    return decisionSamples == 0 ? 0.0 : (double) correctSamples / decisionSamples;
  }

  /** Share of N/A decision samples (0 without samples). */
  public double naRate() {
    return decisionSamples == 0 ? 0.0 : (double) abstentions / decisionSamples;
  }

  /** One JSON object, field names in camelCase, rates rounded to 6 decimals. */
  public ObjectNode toJsonNode() {
    ObjectNode json = Json.object();
    json.put("civilianPolicy", civilianPolicy);
    json.put("civilianVersion", civilianVersion);
    json.put("spyPolicy", spyPolicy);
    json.put("spyVersion", spyVersion);
    json.put("games", games);
    json.put("civilianWins", civilianWins);
    json.put("spyWins", spyWins);
    json.put("decisionSamples", decisionSamples);
    json.put("decisionAccuracy", Json.round(decisionAccuracy(), 6));
    json.put("naRate", Json.round(naRate(), 6));
    return json;
  }

  public String toJson() {
    return Json.write(toJsonNode());
  }
}
