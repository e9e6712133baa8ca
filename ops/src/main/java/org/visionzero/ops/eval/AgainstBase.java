package org.visionzero.ops.eval;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.visionzero.topics.TopicCatalog;

/**
 * {@code vz eval --against v0 --games N}: one evaluation of a version (the newest by default) against v0 on a
 * running pipeline (coordinator, scorer and workers must be up), all arms, then the figures.
 */
public final class AgainstBase {

  /** How long to wait for the checkpoint topic to name a version. */
  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);

  private AgainstBase() {
  }

  /**
   * @param runId   names the evaluation games (a fresh id evaluates afresh; a used one counts its games again)
   * @param version the version to evaluate; empty: the newest published
   * @param referee the fixed referee of the clue-skill games; empty: the evaluated version itself
   */
  public static VersionResult evaluate(Map<String, Object> clientProperties, TopicCatalog topics, String runId,
      String policyName, OptionalInt version, OptionalInt referee, int gamesPerArm, Duration budget)
      throws InterruptedException {
    EvaluatorSettings settings = EvaluatorSettings.defaults(runId, policyName).withGamesPerArm(gamesPerArm)
        .withFixedReferee(referee);
    try (Evaluator evaluator = Evaluator.start(settings, clientProperties, topics, false)) {
      int evaluated = version.isPresent() ? version.getAsInt() : evaluator.awaitLatestVersion(VERSION_TIMEOUT);
      return evaluator.evaluate(evaluated, gamesPerArm, budget);
    }
  }
}
