package org.visionzero.ops.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.policy.scene.SceneFacts;

/**
 * The held-out pairs read from the pair topic, in the order they first arrived: evaluation games cycle through
 * them, and a scored game finds its pair's scene graph here. Not thread-safe: the evaluator guards it.
 */
final class HeldOutPairs {

  private static final Logger LOG = LoggerFactory.getLogger(HeldOutPairs.class);

  private final List<String> order = new ArrayList<>();
  private final Map<String, ImagePairCreated> events = new HashMap<>();
  private final Map<String, Optional<SceneFacts>> scenes = new HashMap<>();

  /**
   * Keeps a held-out, unbroken pair (a pair read again keeps its place in the order); ignores any other. A scene
   * graph that does not parse is logged: the pair still plays, it only gives no clue fidelity.
   */
  void add(ImagePairCreated pair) {
    if (!pair.getHeldOut() || pair.getBroken() != null) {
      return;
    }
    Optional<SceneFacts> facts = Optional.empty();
    if (pair.getSceneGraphJson() != null) {
      try {
        facts = Optional.of(SceneFacts.parse(pair.getSceneGraphJson()));
      } catch (IllegalArgumentException e) {
        LOG.warn("held-out pair {} has an unreadable scene graph ({}); no clue fidelity from it",
            pair.getPairId(), e.getMessage());
      }
    }
    events.put(pair.getPairId(), pair);
    if (scenes.put(pair.getPairId(), facts) == null) {
      order.add(pair.getPairId());
    }
  }

  int size() {
    return order.size();
  }

  boolean isEmpty() {
    return order.isEmpty();
  }

  /** The pair of the {@code index}-th game of an arm, cycling through the pairs in arrival order. */
  String forGame(int index) {
    return order.get(index % order.size());
  }

  /** How many times the games before {@code index} have gone through all pairs (a game's round). */
  int cycle(int index) {
    return index / order.size();
  }

  Optional<SceneFacts> scene(String pairId) {
    return scenes.getOrDefault(pairId, Optional.empty());
  }

  Optional<ImagePairCreated> event(String pairId) {
    return Optional.ofNullable(events.get(pairId));
  }
}
