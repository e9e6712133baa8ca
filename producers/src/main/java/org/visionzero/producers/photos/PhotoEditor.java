package org.visionzero.producers.photos;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.visionzero.events.Difference;

/**
 * Local edits of a photo: recolour a region, swap two patches, paint out a region from its surroundings, add a
 * small object. Every edit writes only inside its recorded rectangle, and rectangles never overlap.
 */
public final class PhotoEditor {

  private static final double MIN_SIDE_SHARE = 0.18;
  private static final double MAX_SIDE_SHARE = 0.30;
  private static final float MIN_HUE_SHIFT = 0.25f;
  private static final float HUE_SHIFT_RANGE = 0.5f;
  private static final float MIN_RECOLOUR_SATURATION = 0.55f;
  private static final float MIN_RECOLOUR_BRIGHTNESS = 0.3f;
  private static final double OBJECT_RADIUS_SHARE = 0.38;
  /** The added ball sits slightly above the region's centre so its shadow fits below it. */
  private static final double OBJECT_LIFT = 0.1;
  private static final double OBJECT_SHADOW_DROP = 0.7;
  private static final double OBJECT_SHADOW_HEIGHT = 0.5;
  private static final double OBJECT_LIGHT_SHIFT = 0.35;
  private static final double OBJECT_GRADIENT_RADIUS = 1.4;
  private static final int SHADOW_ALPHA = 80;
  private static final Color[] OBJECT_COLOURS = {
      new Color(173, 35, 35), new Color(42, 75, 215), new Color(29, 105, 20), new Color(129, 38, 192),
      new Color(41, 208, 208), new Color(255, 238, 51),
  };
  private static final float[] BALL_STOPS = {0f, 0.5f, 1f};
  private static final String[] OBJECT_COLOUR_NAMES = {"red", "blue", "green", "purple", "cyan", "yellow"};

  private final int maxEdits;

  public PhotoEditor(int maxEdits) {
    if (maxEdits < 1 || maxEdits > PhotoOptions.MAX_EDITS) {
      throw new IllegalArgumentException("maxEdits must be between 1 and " + PhotoOptions.MAX_EDITS + ", got "
          + maxEdits);
    }
    this.maxEdits = maxEdits;
  }

  /** Applies 1..maxEdits random edits, drawn from the random stream, to a copy of the photo. */
  public EditedPhoto edit(BufferedImage original, Random random) {
    BufferedImage modified = copy(original);
    RegionAllocator regions = new RegionAllocator(original.getWidth(), original.getHeight(), random);
    int edits = 1 + random.nextInt(maxEdits);
    List<Difference> differences = new ArrayList<>();
    for (int i = 0; i < edits; i++) {
      PhotoEdit edit = PhotoEdit.values()[random.nextInt(PhotoEdit.values().length)];
      differences.addAll(apply(edit, original, modified, regions, random));
    }
    if (differences.isEmpty()) {
      throw new IllegalStateException("no room for an edit on a " + original.getWidth() + "x"
          + original.getHeight() + " image");
    }
    return new EditedPhoto(original, modified, differences);
  }

  private List<Difference> apply(PhotoEdit edit, BufferedImage original, BufferedImage modified,
                                 RegionAllocator regions, Random random) {
    int side = (int) Math.round(Math.min(original.getWidth(), original.getHeight())
        * (MIN_SIDE_SHARE + random.nextDouble() * (MAX_SIDE_SHARE - MIN_SIDE_SHARE)));
    Optional<Rectangle> first = regions.allocate(side, side);
    if (first.isEmpty()) {
      return List.of();
    }
    Rectangle region = first.get();
    return switch (edit) {
      case RECOLOUR -> List.of(recolour(modified, region, random));
      case PAINT_OUT -> List.of(paintOut(modified, region));
      case ADD_OBJECT -> List.of(addObject(modified, region, random));
      case PATCH_SWAP -> {
        Optional<Rectangle> second = regions.allocate(side, side);
        if (second.isEmpty()) {
          yield List.of(paintOut(modified, region));
        }
        yield swapPatches(original, modified, region, second.get());
      }
    };
  }

  private static Difference recolour(BufferedImage image, Rectangle region, Random random) {
    float shift = MIN_HUE_SHIFT + random.nextFloat() * HUE_SHIFT_RANGE;
    double cx = region.getCenterX();
    double cy = region.getCenterY();
    double rx = region.width / 2.0;
    double ry = region.height / 2.0;
    float[] hsb = new float[3];
    for (int y = region.y; y < region.y + region.height; y++) {
      for (int x = region.x; x < region.x + region.width; x++) {
        double dx = (x + 0.5 - cx) / rx;
        double dy = (y + 0.5 - cy) / ry;
        if (dx * dx + dy * dy > 1) {
          continue;
        }
        int rgb = image.getRGB(x, y);
        Color.RGBtoHSB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, hsb);
        float hue = (hsb[0] + shift) % 1f;
        image.setRGB(x, y, Color.HSBtoRGB(hue, Math.max(hsb[1], MIN_RECOLOUR_SATURATION),
            Math.max(hsb[2], MIN_RECOLOUR_BRIGHTNESS)));
      }
    }
    return difference(PhotoEdit.RECOLOUR, region,
        String.format(Locale.ROOT, "recoloured an oval region (hue turned by %.0f degrees)", shift * 360));
  }

  /** Fills the region by blending its border pixels inwards, as if the object had never been there. */
  private static Difference paintOut(BufferedImage image, Rectangle region) {
    int left = region.x - 1;
    int right = region.x + region.width;
    int top = region.y - 1;
    int bottom = region.y + region.height;
    int[] filled = new int[region.width * region.height];
    for (int y = region.y; y < bottom; y++) {
      double v = (y - top) / (double) (bottom - top);
      for (int x = region.x; x < right; x++) {
        double u = (x - left) / (double) (right - left);
        int horizontal = blend(image.getRGB(left, y), image.getRGB(right, y), u);
        int vertical = blend(image.getRGB(x, top), image.getRGB(x, bottom), v);
        filled[(y - region.y) * region.width + (x - region.x)] = blend(horizontal, vertical, 0.5);
      }
    }
    image.setRGB(region.x, region.y, region.width, region.height, filled, 0, region.width);
    return difference(PhotoEdit.PAINT_OUT, region, "painted out a region with its surroundings");
  }

  private static Difference addObject(BufferedImage image, Rectangle region, Random random) {
    int colourIndex = random.nextInt(OBJECT_COLOURS.length);
    Color colour = OBJECT_COLOURS[colourIndex];
    double r = region.width * OBJECT_RADIUS_SHARE;
    double cx = region.getCenterX();
    double cy = region.getCenterY() - r * OBJECT_LIFT;
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.clip(region);
      g.setColor(new Color(0, 0, 0, SHADOW_ALPHA));
      g.fill(new Ellipse2D.Double(cx - r, cy + r * OBJECT_SHADOW_DROP, 2 * r, r * OBJECT_SHADOW_HEIGHT));
      Point2D light = new Point2D.Double(cx - r * OBJECT_LIGHT_SHIFT, cy - r * OBJECT_LIGHT_SHIFT);
      g.setPaint(new RadialGradientPaint(light, (float) (r * OBJECT_GRADIENT_RADIUS), light, BALL_STOPS,
          new Color[] {colour.brighter().brighter(), colour, colour.darker().darker()}, CycleMethod.NO_CYCLE));
      g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    } finally {
      g.dispose();
    }
    return difference(PhotoEdit.ADD_OBJECT, region, "added a small " + OBJECT_COLOUR_NAMES[colourIndex] + " ball");
  }

  private static List<Difference> swapPatches(BufferedImage original, BufferedImage modified, Rectangle a,
                                              Rectangle b) {
    int[] patchA = original.getRGB(a.x, a.y, a.width, a.height, null, 0, a.width);
    int[] patchB = original.getRGB(b.x, b.y, b.width, b.height, null, 0, b.width);
    modified.setRGB(a.x, a.y, a.width, a.height, patchB, 0, a.width);
    modified.setRGB(b.x, b.y, b.width, b.height, patchA, 0, b.width);
    return List.of(
        difference(PhotoEdit.PATCH_SWAP, a, "patch swapped with the one at (" + b.x + "," + b.y + ")"),
        difference(PhotoEdit.PATCH_SWAP, b, "patch swapped with the one at (" + a.x + "," + a.y + ")"));
  }

  private static Difference difference(PhotoEdit edit, Rectangle region, String description) {
    return Difference.newBuilder().setKind(edit.differenceKind()).setDescription(description)
        .setX(region.x).setY(region.y).setWidth(region.width).setHeight(region.height).build();
  }

  private static int blend(int rgbA, int rgbB, double t) {
    int red = (int) Math.round(((rgbA >> 16) & 0xff) * (1 - t) + ((rgbB >> 16) & 0xff) * t);
    int green = (int) Math.round(((rgbA >> 8) & 0xff) * (1 - t) + ((rgbB >> 8) & 0xff) * t);
    int blue = (int) Math.round((rgbA & 0xff) * (1 - t) + (rgbB & 0xff) * t);
    return 0xff000000 | red << 16 | green << 8 | blue;
  }

  private static BufferedImage copy(BufferedImage image) {
    BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = copy.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return copy;
  }
}
