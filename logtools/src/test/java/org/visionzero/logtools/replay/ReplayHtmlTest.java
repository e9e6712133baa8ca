package org.visionzero.logtools.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.Difference;
import org.visionzero.events.GameEvent;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ImageSource;
import org.visionzero.events.Purpose;
import org.visionzero.game.testing.GameLogs;
import org.visionzero.game.testing.Games;

class ReplayHtmlTest {
  private static final String HOSTILE = "<script>alert('pwned')</script><img src=x onerror=alert(1)>";
  private static final int WIDTH = 40;
  private static final int HEIGHT = 30;

  @TempDir
  Path dir;

  @Test
  void shouldRenderAHostileClueAsTextWhenThePageIsParsed() throws Exception {
    // given a game whose every clue is markup, on two stored images with one recorded difference
    FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
    BlobRef original = blobs.put(png(0x336699), "image/png");
    BlobRef modified = blobs.put(png(0x993366), "image/png");
    List<GameEvent> log = GameLogs.codeGame("g-xss").images(original, modified).clues(request -> HOSTILE).play();
    Timeline timeline = Timeline.of("g-xss", logged(log), GameLogs.score(log));
    ImagePairCreated pair = pair(original, modified, List.of(
        new Difference("object", "red <b>sphere</b> -> blue cube", 4, 5, 10, 8),
        new Difference("label-swap", "not spatial", 0, 0, 0, 0)));

    // when the page is written and parsed
    Path page = ReplayHtml.write(timeline, pair, blobs, dir.resolve("out/g-xss.html"));
    Document doc = Jsoup.parse(Files.readString(page));

    // then no markup from the log became an element, and the clue shows as its literal text
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("[onerror]")).isEmpty();
    assertThat(doc.select("b")).isEmpty();
    assertThat(doc.select("tr.clue")).hasSize(8)
        .allSatisfy(row -> assertThat(row.select("td.text").text()).isEqualTo(HOSTILE));
    assertThat(doc.select("#differences li").eachText()).contains("object: red <b>sphere</b> -> blue cube");
    // and both images are inlined, each with the spatial difference outlined
    assertThat(doc.select(".frame img")).hasSize(2)
        .allSatisfy(img -> assertThat(img.attr("src")).startsWith("data:image/png;base64,"));
    assertThat(doc.select("rect.difference")).hasSize(2)
        .allSatisfy(rect -> assertThat(rect.attr("width")).isEqualTo("10"));
    assertThat(doc.select(".frame svg").attr("viewBox")).isEqualTo("0 0 " + WIDTH + " " + HEIGHT);
    assertThat(doc.select("#timeline tbody tr")).hasSize(log.size());
    assertThat(doc.select("#decisions tbody tr")).hasSize(8);
  }

  @Test
  void shouldSayWhichImageIsMissingWhenTheBlobStoreLacksIt() throws Exception {
    FileBlobStore blobs = new FileBlobStore(dir.resolve("empty"));
    List<GameEvent> log = GameLogs.codeGame("g-noimg").play();
    Timeline timeline = Timeline.of("g-noimg", logged(log), null);

    Document doc = Jsoup.parse(ReplayHtml.render(timeline, null, blobs));

    assertThat(doc.select("p.missing").eachText()).hasSize(2)
        .anySatisfy(text -> assertThat(text).startsWith("image " + "a".repeat(64) + " cannot be shown: no blob"))
        .anySatisfy(text -> assertThat(text).startsWith("image " + "b".repeat(64) + " cannot be shown: no blob"));
    assertThat(doc.select("#outcome")).isEmpty();
    assertThat(doc.select("p.note")).isEmpty(); // code mode: the spy and the observer see images
  }

  @Test
  void shouldSayWhenTheDecisionStageSawABlankImage() {
    List<GameEvent> log = new java.util.ArrayList<>(GameLogs.codeGame("g-blank").purpose(Purpose.EVALUATION).play());
    org.visionzero.events.GameStarted started = (org.visionzero.events.GameStarted) log.get(0).getPayload();
    log.set(0, GameEvent.newBuilder(log.get(0))
        .setPayload(org.visionzero.events.GameStarted.newBuilder(started).setDecisionImage(null).build()).build());

    Document doc = Jsoup.parse(ReplayHtml.render(Timeline.of("g-blank", logged(log), null),
        null, new FileBlobStore(dir.resolve("empty"))));

    assertThat(doc.select("p.note").eachText())
        .containsExactly("The decision stage saw a blank image (no-image control).");
  }

  static List<LoggedEvent> logged(List<GameEvent> log) {
    return java.util.stream.IntStream.range(0, log.size())
        .mapToObj(i -> new LoggedEvent(0, i, log.get(i))).toList();
  }

  private static ImagePairCreated pair(BlobRef original, BlobRef modified, List<Difference> differences) {
    return ImagePairCreated.newBuilder().setEventId("pair/p").setOccurredAt(Games.T0).setPairId("p")
        .setSource(ImageSource.SCENES).setOriginal(original).setModified(modified).setDifferences(differences)
        .setSpyHint("two objects differ").build();
  }

  private static byte[] png(int rgb) throws Exception {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < WIDTH; x++) {
      for (int y = 0; y < HEIGHT; y++) {
        image.setRGB(x, y, rgb);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
