package org.visionzero.policy.model;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Turns images into the model's input: RGB in [0, 1], downscaled to a square, channel-first. */
public final class ImageTensors {
  private static final float MAX_CHANNEL = 255f;

  private ImageTensors() {}

  /** Writes the pixels of {@code image} (null = blank, all zero) into {@code out} at {@code offset}. */
  public static void write(BufferedImage image, int size, float[] out, int offset) {
    if (image == null) {
      return; // a blank image: the array is already zero
    }
    BufferedImage scaled = scale(image, size);
    int plane = size * size;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int rgb = scaled.getRGB(x, y);
        int i = offset + y * size + x;
        out[i] = ((rgb >> 16) & 0xFF) / MAX_CHANNEL;
        out[i + plane] = ((rgb >> 8) & 0xFF) / MAX_CHANNEL;
        out[i + 2 * plane] = (rgb & 0xFF) / MAX_CHANNEL;
      }
    }
  }

  /** The image as the model sees it: {@code size}×{@code size} RGB (the same scaling {@link #write} applies). */
  public static BufferedImage scale(BufferedImage image, int size) {
    if (image.getWidth() == size && image.getHeight() == size && image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage scaled = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(image, 0, 0, size, size, null);
    } finally {
      g.dispose();
    }
    return scaled;
  }
}
