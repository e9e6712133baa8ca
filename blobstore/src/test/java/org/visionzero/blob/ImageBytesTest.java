package org.visionzero.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

class ImageBytesTest {

  @Test
  void shouldDecodeAPngHeldInMemoryPixelForPixel() throws Exception {
    BufferedImage image = new BufferedImage(5, 3, BufferedImage.TYPE_INT_RGB);
    image.setRGB(4, 2, 0x12ab34);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
      ImageIO.write(image, "png", out);
    }

    BufferedImage decoded = ImageBytes.read(png.toByteArray()).orElseThrow();

    assertThat(decoded.getWidth()).isEqualTo(5);
    assertThat(decoded.getHeight()).isEqualTo(3);
    assertThat(decoded.getRGB(4, 2) & 0xffffff).isEqualTo(0x12ab34);
  }

  @Test
  void shouldFindNoImageInOtherBytes() throws Exception {
    assertThat(ImageBytes.read("not an image".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(ImageBytes.read(new byte[0])).isEmpty();
  }
}
