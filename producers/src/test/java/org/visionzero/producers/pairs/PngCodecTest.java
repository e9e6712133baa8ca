package org.visionzero.producers.pairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.visionzero.producers.scenes.SceneGenerator;
import org.visionzero.producers.scenes.SceneOptions;

class PngCodecTest {

  private final BufferedImage image = new SceneGenerator(SceneOptions.defaults()).generate(5).original();

  @Test
  void shouldWriteIdenticalBytesWhenEncodingTheSamePixelsTwice() {
    assertThat(PngCodec.encode(image)).isEqualTo(PngCodec.encode(image));
  }

  @Test
  void shouldWriteNoTimeChunkSoBytesDependOnlyOnPixels() {
    String chunks = new String(PngCodec.encode(image), StandardCharsets.ISO_8859_1);

    assertThat(chunks).contains("IHDR", "IDAT", "IEND").doesNotContain("tIME", "tEXt", "iTXt");
  }

  @Test
  void shouldDecodeTheSamePixelsItEncoded() {
    BufferedImage decoded = PngCodec.decode(PngCodec.encode(image));

    assertThat(decoded.getRGB(0, 0, 128, 128, null, 0, 128)).isEqualTo(image.getRGB(0, 0, 128, 128, null, 0, 128));
  }

  @Test
  void shouldRefuseBytesThatAreNotAnImage() {
    assertThatThrownBy(() -> PngCodec.decode("hello".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an image");
  }
}
