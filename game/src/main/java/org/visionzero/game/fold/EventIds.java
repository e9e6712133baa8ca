package org.visionzero.game.fold;

/** The deterministic event ids of a game, so a repeated write is recognisable as a duplicate. */
public final class EventIds {
  private EventIds() {}

  public static String started(String gameId) {
    return gameId + "/started";
  }

  /** Id of a worker's answer to one attempt of a turn. */
  public static String answer(String gameId, int turn, int attempt) {
    return turnRequest(gameId, turn, attempt) + "/answer";
  }

  /** Id of the retry that opens {@code attempt} of a turn. */
  public static String retry(String gameId, int turn, int attempt) {
    return turnRequest(gameId, turn, attempt) + "/retry";
  }

  /** Id of the request of one attempt of a turn. */
  public static String turnRequest(String gameId, int turn, int attempt) {
    return gameId + "/" + turn + "/" + attempt;
  }

  public static String completed(String gameId) {
    return gameId + "/completed";
  }

  public static String aborted(String gameId) {
    return gameId + "/aborted";
  }

  /** Id of the scored trajectory of a game. */
  public static String scored(String gameId) {
    return gameId + "/scored";
  }
}
