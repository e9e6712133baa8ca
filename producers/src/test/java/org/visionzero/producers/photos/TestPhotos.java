package org.visionzero.producers.photos;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Photo-like test images: a gradient with coloured ovals, different per seed. */
final class TestPhotos {

  private TestPhotos() {
  }

  static BufferedImage image(int width, int height, long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), width, height,
          new Color(random.nextInt(0xffffff))));
      g.fillRect(0, 0, width, height);
      for (int i = 0; i < 8; i++) {
        g.setColor(new Color(random.nextInt(0xffffff)));
        g.fillOval(random.nextInt(width), random.nextInt(height), width / 6 + random.nextInt(width / 3),
            height / 6 + random.nextInt(height / 3));
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  static Path write(Path file, String format, int width, int height, long seed) throws IOException {
    ImageIO.write(image(width, height, seed), format, file.toFile());
    return file;
  }
}
