package org.visionzero.ops.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluation figures of one policy version against v0.
 *
 * @param decisionAccuracyVotes correct decision samples (votes) of this version on games whose clues came from
 *                         v0, with the games they came in: {@link #decisionAccuracy()} counts votes, its JSON
 *                         interval is over games ({@link ClusteredProportion})
 * @param noImageAccuracyVotes the same with a blank decision image (the control)
 * @param naRateVotes      N/A answers among this version's decision samples on v0 clues, clustered the same way
 * @param clueWinsAsSpy    games won against v0 under the fixed referee with this version as the spy (v0 the
 *                         civilians); one outcome per game, so the interval is over games
 * @param clueWinsAsCivilians the same with this version as the civilians (v0 the spy)
 * @param clueFidelity     per civilian clue of this version: share of its object mentions true of its image
 * @param paperWinRate     games won against v0 with each side's own decision stage (the paper's measure)
 * @param refereeVersion   the fixed referee of {@code clueWinRate}, or -1 when none was chosen yet
 * @param games            evaluation games of this version
 * @param spyEchoRate      this version's spy clues that repeat the latest clue of another seat word for word (the
 *                         strategy a spy can learn to blend in)
 * @param decisionAccuracyPerGame {@code decisionAccuracy} with the game as the unit: the mean of each game's share
 *                         of samples on the spy, its interval over games (a game's samples read the same clues, so
 *                         they are not independent)
 * @param noImageAccuracyPerGame  the same for the no-image control
 * @param decisionPairs    distinct held-out pairs of the games behind the decision accuracy and the N/A rate
 * @param noImagePairs     distinct held-out pairs of the games behind the no-image control
 */
public record VersionResult(int version, ClusteredProportion decisionAccuracyVotes,
    ClusteredProportion noImageAccuracyVotes, ClusteredProportion naRateVotes, Proportion clueWinsAsSpy,
    Proportion clueWinsAsCivilians, Mean clueFidelity, Proportion paperWinRate, int refereeVersion, long games,
    Proportion spyEchoRate, Mean decisionAccuracyPerGame, Mean noImageAccuracyPerGame, long decisionPairs,
    long noImagePairs) {

  /** The figures of a version with no scored game yet. */
  public static VersionResult empty(int version, int refereeVersion) {
    return new VersionResult(version, ClusteredProportion.EMPTY, ClusteredProportion.EMPTY,
        ClusteredProportion.EMPTY, Proportion.EMPTY, Proportion.EMPTY, Mean.EMPTY, Proportion.EMPTY, refereeVersion, 0,
        Proportion.EMPTY, Mean.EMPTY, Mean.EMPTY, 0, 0);
  }

  /** Correct votes among this version's decision samples on v0's clues. */
  public Proportion decisionAccuracy() {
    return decisionAccuracyVotes.votes();
  }

  /** The same with a blank decision image. */
  public Proportion noImageAccuracy() {
    return noImageAccuracyVotes.votes();
  }

  /** N/A answers among this version's decision samples on v0's clues. */
  public Proportion naRate() {
    return naRateVotes.votes();
  }

  /** Both arms of the clue-skill games pooled: half of them as spy, half as civilians. */
  public Proportion clueWinRate() {
    return clueWinsAsSpy.plus(clueWinsAsCivilians);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("version", version);
    json.put("games", games);
    json.put("decisionAccuracy", decisionAccuracyVotes.toJson());
    json.put("noImageAccuracy", noImageAccuracyVotes.toJson());
    json.put("naRate", naRateVotes.toJson());
    json.put("winRateVsV0FixedReferee", clueWinRate().toJson());
    json.put("winRateVsV0FixedRefereeAsSpy", clueWinsAsSpy.toJson());
    json.put("winRateVsV0FixedRefereeAsCivilians", clueWinsAsCivilians.toJson());
    json.put("refereeVersion", refereeVersion);
    json.put("clueFidelity", clueFidelity.toJson());
    json.put("winRateVsV0PaperStyle", paperWinRate.toJson());
    json.put("spyEchoRate", spyEchoRate.toJson());
    json.put("decisionAccuracyPerGame", decisionAccuracyPerGame.toJson());
    json.put("noImageAccuracyPerGame", noImageAccuracyPerGame.toJson());
    // What the three vote figures' intervals rest on: games (the clusters) and the distinct pairs they played.
    json.put("decisionAccuracyGames", decisionAccuracyVotes.games());
    json.put("decisionAccuracyPairs", decisionPairs);
    json.put("noImageAccuracyGames", noImageAccuracyVotes.games());
    json.put("noImageAccuracyPairs", noImagePairs);
    json.put("naRateGames", naRateVotes.games());
    json.put("naRatePairs", decisionPairs);
    return json;
  }
}
