package org.visionzero.producers.scenes;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.visionzero.events.Difference;
import org.visionzero.game.rules.SpyHints;

/**
 * A generated scene pair: both images, the scene graph and the recorded differences (one per changed object,
 * with the pixel region its body and shadow cover in either image, plus a margin).
 */
public record ScenePair(long seed, BufferedImage original, BufferedImage modified, SceneGraph sceneGraph,
                        SceneView view, List<Difference> differences) {

  /** Rules sentence for the spy's prompt. */
  public static final String SPY_HINT = SpyHints.SCENES;

  public ScenePair {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(sceneGraph, "sceneGraph");
    Objects.requireNonNull(view, "view");
    differences = List.copyOf(Objects.requireNonNull(differences, "differences"));
  }

  /** The scene graph in the JSON contract of ImagePairCreated.sceneGraphJson. */
  public String sceneGraphJson() {
    return sceneGraph.toJson();
  }
}
