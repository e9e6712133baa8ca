package org.visionzero.ops.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.visionzero.policy.scene.SceneFacts;
import org.visionzero.policy.scene.SceneObject;
import org.visionzero.producers.scenes.SceneColor;

/**
 * "How many red objects are there: 0, 1, 2 or 3?" on one scene. The vocabulary has no numbers, so each answer is
 * a whole caption: the scene's caption with just enough objects recoloured that it names {@code k} objects of
 * the colour asked about (the answer's caption is the scene's own). The model picks the caption it finds most
 * likely, so this measures counting only as far as getting every colour of the caption right does.
 */
final class SceneColourCount implements ProbeTask {

  static final int COUNTS = 4;
  private static final List<String> COLOURS = Arrays.stream(SceneColor.values()).map(SceneColor::word).toList();
  private final SceneImages scenes = new SceneImages();

  @Override
  public String name() {
    return "colour-count";
  }

  @Override
  public String source() {
    return "scenes";
  }

  @Override
  public String question() {
    return "how many objects of this colour: 0, 1, 2 or 3? (each answer worded as the scene's caption with "
        + "that many objects of the colour)";
  }

  @Override
  public int choices() {
    return COUNTS;
  }

  @Override
  public ProbeItem item(long seed, int imageSize) {
    SplittableRandom random = new SplittableRandom(ProbeSeedRange.choiceSeed(seed));
    SceneImages.Scene scene = scenes.scene(seed, imageSize);
    List<SceneObject> objects = new ArrayList<>(scene.facts().original());
    objects.sort(SceneFacts.READING_ORDER);
    // A wanted count drawn evenly from 0..3, then a colour whose count is the closest to it: the right answers
    // spread over 0..3 as evenly as the scenes allow (a scene rarely has three objects of one colour).
    int wanted = random.nextInt(COUNTS);
    int closest = COLOURS.stream().mapToInt(c -> count(objects, c)).filter(n -> n < COUNTS)
        .map(n -> Math.abs(n - wanted)).min().orElseThrow();
    List<String> from = COLOURS.stream()
        .filter(c -> count(objects, c) < COUNTS && Math.abs(count(objects, c) - wanted) == closest).toList();
    String colour = from.get(random.nextInt(from.size()));
    int truth = count(objects, colour);
    List<ProbeChoice> choices = new ArrayList<>(COUNTS);
    for (int k = 0; k < COUNTS; k++) {
      choices.add(new ProbeChoice(scene.image(), caption(objects, recoloured(objects, colour, k, random))));
    }
    return new ProbeItem(seed, choices, truth);
  }

  /** The objects' colours changed at as few random places as make {@code target} of them {@code colour}. */
  static List<String> recoloured(List<SceneObject> objects, String colour, int target, SplittableRandom random) {
    List<String> colours = new ArrayList<>(objects.stream().map(SceneObject::color).toList());
    int have = count(objects, colour);
    List<Integer> places = new ArrayList<>();
    for (int i = 0; i < colours.size(); i++) {
      if (colours.get(i).equals(colour) == (target < have)) {
        places.add(i); // objects of the colour to repaint (fewer wanted) or of other colours (more wanted)
      }
    }
    for (int n = 0; n < Math.abs(target - have); n++) {
      int place = places.remove(random.nextInt(places.size()));
      colours.set(place, target > have ? colour : otherThan(colour, random));
    }
    return colours;
  }

  private static String otherThan(String colour, SplittableRandom random) {
    List<String> others = COLOURS.stream().filter(c -> !c.equals(colour)).toList();
    return others.get(random.nextInt(others.size()));
  }

  static List<String> caption(List<SceneObject> objects, List<String> colours) {
    List<String> words = new ArrayList<>(2 * objects.size());
    for (int i = 0; i < objects.size(); i++) {
      words.add(colours.get(i));
      words.add(objects.get(i).shape());
    }
    return words;
  }

  private static int count(List<SceneObject> objects, String colour) {
    return (int) objects.stream().filter(o -> o.color().equals(colour)).count();
  }
}
