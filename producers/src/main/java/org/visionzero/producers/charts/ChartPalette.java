package org.visionzero.producers.charts;

import java.awt.Color;
import java.util.List;
import java.util.Optional;

/**
 * The colours charts are drawn in, each with the everyday name a person would give it, so that a question about
 * a chart ("which bar is the red one?") can name them.
 */
public final class ChartPalette {

  /** A palette colour and its name. */
  public record Named(Color colour, String name) {
  }

  /** In the order the data generator draws from (so charts of a seed do not change). */
  public static final List<Named> COLOURS = List.of(
      new Named(new Color(31, 119, 180), "blue"), new Named(new Color(255, 127, 14), "orange"),
      new Named(new Color(44, 160, 44), "green"), new Named(new Color(214, 39, 40), "red"),
      new Named(new Color(148, 103, 189), "purple"), new Named(new Color(140, 86, 75), "brown"),
      new Named(new Color(227, 119, 194), "pink"), new Named(new Color(23, 190, 207), "cyan"),
      new Named(new Color(188, 189, 34), "olive"), new Named(new Color(60, 60, 60), "gray"));

  private ChartPalette() {
  }

  /** The palette's colours, in order. */
  static List<Color> colours() {
    return COLOURS.stream().map(Named::colour).toList();
  }

  /** The name of a palette colour; empty for a colour outside the palette. */
  public static Optional<String> name(Color colour) {
    return COLOURS.stream().filter(n -> n.colour().equals(colour)).map(Named::name).findFirst();
  }
}
