package org.visionzero.ops.probe;

import java.util.List;

/**
 * A multiple-choice item: either one caption for several images (which image does it describe?) or several
 * captions for one image (which answer is right?).
 *
 * @param seed    the item's first seed (ProbeSeedRange)
 * @param choices at least two
 * @param answer  index of the right choice
 */
public record ProbeItem(long seed, List<ProbeChoice> choices, int answer) {
  public ProbeItem {
    choices = List.copyOf(choices);
    if (choices.size() < 2) {
      throw new IllegalArgumentException("an item needs at least two choices, had " + choices.size());
    }
    if (answer < 0 || answer >= choices.size()) {
      throw new IllegalArgumentException("answer " + answer + " outside the " + choices.size() + " choices");
    }
  }

  /** True when every choice shows the same image, so that scoring it without the image is a fair control. */
  public boolean oneImage() {
    return choices.stream().allMatch(c -> c.image() == choices.get(0).image());
  }

  /** The item with every image blank (the no-image control). */
  public ProbeItem blank() {
    return new ProbeItem(seed, choices.stream().map(ProbeChoice::blank).toList(), answer);
  }
}
