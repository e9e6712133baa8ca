package org.visionzero.workers;

import org.visionzero.events.TurnRequested;
import org.visionzero.policy.scene.SceneFacts;

/**
 * Ground truth for the oracle baseline. Workers never see {@code ImagePairCreated}, so in production there is
 * no provider and turns carry no facts; tests and evaluation runs that play the oracle configure one.
 */
@FunctionalInterface
public interface SceneFactsProvider {
  /** No ground truth: every turn's facts are {@code null}. */
  SceneFactsProvider NONE = request -> null;

  /** The facts of the request's scene, or {@code null} when unknown. */
  SceneFacts factsFor(TurnRequested request);
}
