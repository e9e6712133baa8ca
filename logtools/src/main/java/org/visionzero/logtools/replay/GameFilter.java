package org.visionzero.logtools.replay;

import java.time.Instant;
import org.visionzero.events.Purpose;
import org.visionzero.events.Winner;

/**
 * Which games {@code vz replay --list} shows; a null criterion matches every game.
 *
 * @param since         games started at or after this time
 * @param policyVersion games where any seat (civilians, spy, decision) played this policy version
 * @param winner        completed games this side won
 * @param purpose       training or evaluation games
 */
public record GameFilter(Instant since, Integer policyVersion, Winner winner, Purpose purpose) {

  public static GameFilter all() {
    return new GameFilter(null, null, null, null);
  }

  public GameFilter since(Instant time) {
    return new GameFilter(time, policyVersion, winner, purpose);
  }

  public GameFilter policyVersion(Integer version) {
    return new GameFilter(since, version, winner, purpose);
  }

  public GameFilter winner(Winner side) {
    return new GameFilter(since, policyVersion, side, purpose);
  }

  public GameFilter purpose(Purpose kind) {
    return new GameFilter(since, policyVersion, winner, kind);
  }

  boolean matches(GameSummary game) {
    return (since == null || !game.startedAt().isBefore(since))
        && (policyVersion == null || game.playedVersion(policyVersion))
        && (winner == null || winner == game.winner())
        && (purpose == null || purpose == game.purpose());
  }
}
