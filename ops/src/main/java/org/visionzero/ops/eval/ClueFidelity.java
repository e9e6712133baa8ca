package org.visionzero.ops.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.scene.SceneFacts;
import org.visionzero.policy.scene.SceneObject;

/**
 * How well a clue matches the image its giver saw, from the scene graph: the share of the clue's
 * "colour shape" mentions that name an object of that image. A clue that names no object scores 0, so vague
 * or drifting language shows up as falling fidelity.
 */
public final class ClueFidelity {

  private static final Pattern WORDS = Pattern.compile("[^a-z]+");

  private ClueFidelity() {
  }

  /** Fidelity of a clue to the original image (what civilians see). */
  public static double ofCivilianClue(String clue, SceneFacts facts) {
    return score(clue, facts.objects(false));
  }

  public static double score(String clue, List<SceneObject> image) {
    List<String> mentions = mentions(clue);
    if (mentions.isEmpty()) {
      return 0;
    }
    Set<String> present = new HashSet<>();
    image.forEach(object -> present.add(object.colorShape()));
    long matching = mentions.stream().filter(present::contains).count();
    return (double) matching / mentions.size();
  }

  /** "colour shape" pairs in the clue: a colour word directly followed by a shape word. */
  static List<String> mentions(String clue) {
    String[] words = WORDS.split(clue.toLowerCase(Locale.ROOT).trim());
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i + 1 < words.length; i++) {
      if (Vocabulary.COLORS.contains(words[i]) && Vocabulary.SHAPES.contains(words[i + 1])) {
        pairs.add(words[i] + " " + words[i + 1]);
      }
    }
    return pairs;
  }
}
