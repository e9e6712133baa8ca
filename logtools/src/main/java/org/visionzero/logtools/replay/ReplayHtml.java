package org.visionzero.logtools.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.visionzero.blob.BlobStore;
import org.visionzero.blob.ImageBytes;
import org.visionzero.events.BlobRef;
import org.visionzero.events.Difference;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.game.rules.SeatAssignment;
import org.visionzero.text.SafeText;

/**
 * {@code vz replay --game ID --html FILE}: one self-contained page with both images (inlined as
 * {@code data:} URIs), the recorded differences outlined with SVG boxes, and the timeline. Every string that
 * comes from the log is HTML-escaped, model-written ones above all, and the page forbids scripts (CSP), so a
 * clue containing markup renders as text.
 */
public final class ReplayHtml {
  private static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
  private static final String STYLE = """
      body{font-family:sans-serif;margin:1.5em}
      .images{display:flex;gap:1em;flex-wrap:wrap}
      figure{margin:0}
      .frame{position:relative;display:inline-block;max-width:480px}
      .frame img{display:block;width:100%;height:auto}
      .frame svg{position:absolute;left:0;top:0;width:100%;height:100%}
      .frame rect{fill:none;stroke:#e0218a;stroke-width:3}
      table{border-collapse:collapse;margin-top:1em}
      td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%;vertical-align:top}
      tr.ignored{color:#999}
      .text{font-family:monospace;white-space:pre-wrap}
      """;

  private ReplayHtml() {}

  /**
   * Writes the page.
   *
   * @param pair  the game's image pair (differences are outlined), or null to show the game's own images
   * @param blobs where the images are; a missing image is said so on the page
   */
  public static Path write(Timeline timeline, ImagePairCreated pair, BlobStore blobs, Path file)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(timeline, pair, blobs), StandardCharsets.UTF_8);
    return file;
  }

  /** The page as a string. */
  public static String render(Timeline timeline, ImagePairCreated pair, BlobStore blobs) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">")
        .append("<title>Game ").append(SafeText.html(timeline.gameId())).append("</title><style>").append(STYLE)
        .append("</style></head><body>\n");
    html.append("<h1>Game <span id=\"game-id\">").append(SafeText.html(timeline.gameId())).append("</span></h1>\n")
        .append("<p>Status: ").append(SafeText.html(timeline.status().name().toLowerCase(Locale.ROOT)))
        .append(", ").append(timeline.entries().size()).append(" recorded events");
    if (timeline.undecodable() > 0) {
      html.append(", ").append(timeline.undecodable()).append(" undecodable record(s) left out");
    }
    html.append(".</p>\n");
    images(html, timeline, pair, blobs);
    events(html, timeline);
    timeline.scored().ifPresent(trajectory -> scores(html, trajectory));
    html.append("</body></html>\n");
    return html.toString();
  }

  private static void images(StringBuilder html, Timeline timeline, ImagePairCreated pair, BlobStore blobs) {
    BlobRef original = pair != null ? pair.getOriginal()
        : timeline.started() == null ? null : timeline.started().getCivilianImage();
    BlobRef modified = pair != null ? pair.getModified()
        : timeline.started() == null ? null : timeline.started().getSpyImage();
    List<Difference> differences = pair == null ? List.of() : pair.getDifferences();
    html.append("<div class=\"images\">\n");
    figure(html, "original (civilians, observer)", original, differences, pair, blobs);
    figure(html, "modified (spy)", modified, differences, pair, blobs);
    html.append("</div>\n");
    if (timeline.started() != null && timeline.started().getSpyImage() == null) {
      html.append("<p class=\"note\">The spy saw a blank image (paper mode).</p>\n");
    }
    if (timeline.started() != null && timeline.started().getDecisionImage() == null) {
      html.append("<p class=\"note\">The decision stage saw a blank image (no-image control).</p>\n");
    }
    if (!differences.isEmpty()) {
      html.append("<h2>Differences</h2><ul id=\"differences\">");
      for (Difference difference : differences) {
        html.append("<li>").append(SafeText.html(difference.getKind())).append(": ")
            .append(SafeText.html(difference.getDescription())).append("</li>");
      }
      html.append("</ul>\n");
    }
  }

  private static void figure(StringBuilder html, String caption, BlobRef ref, List<Difference> differences,
      ImagePairCreated pair, BlobStore blobs) {
    html.append("<figure>");
    if (ref == null) {
      html.append("<p>blank image</p>");
    } else {
      try {
        byte[] bytes = blobs.get(ref);
        int[] size = size(bytes, pair);
        html.append("<div class=\"frame\"><img alt=\"").append(SafeText.html(caption)).append("\" src=\"data:")
            .append(SafeText.html(ref.getMediaType())).append(";base64,")
            .append(Base64.getEncoder().encodeToString(bytes)).append("\">");
        if (size != null && !differences.isEmpty()) {
          html.append("<svg viewBox=\"0 0 ").append(size[0]).append(' ').append(size[1])
              .append("\" preserveAspectRatio=\"none\">");
          for (Difference d : differences) {
            if (d.getWidth() > 0 && d.getHeight() > 0) {
              html.append("<rect class=\"difference\" x=\"").append(d.getX()).append("\" y=\"").append(d.getY())
                  .append("\" width=\"").append(d.getWidth()).append("\" height=\"").append(d.getHeight())
                  .append("\"><title>").append(SafeText.html(d.getDescription())).append("</title></rect>");
            }
          }
          html.append("</svg>");
        }
        html.append("</div>");
      } catch (IOException | RuntimeException e) {
        html.append("<p class=\"missing\">image ").append(SafeText.html(ref.getSha256()))
            .append(" cannot be shown: ").append(SafeText.html(e.getMessage())).append("</p>");
      }
    }
    html.append("<figcaption>").append(SafeText.html(caption)).append("</figcaption></figure>\n");
  }

  /** Width and height in pixels: from the pair when it says, else from the image itself; null if unknown. */
  private static int[] size(byte[] bytes, ImagePairCreated pair) throws IOException {
    if (pair != null && pair.getWidth() > 0 && pair.getHeight() > 0) {
      return new int[] {pair.getWidth(), pair.getHeight()};
    }
    return ImageBytes.read(bytes).map(image -> new int[] {image.getWidth(), image.getHeight()}).orElse(null);
  }

  private static void events(StringBuilder html, Timeline timeline) {
    html.append("<h2>Timeline</h2><table id=\"timeline\"><thead><tr><th>time</th><th>offset</th><th>event</th>")
        .append("<th>turn</th><th>try</th><th>seat</th><th>role</th><th>policy</th><th>clue or votes</th>")
        .append("<th>detail</th></tr></thead><tbody>\n");
    for (TimelineEntry entry : timeline.entries()) {
      html.append("<tr class=\"event ").append(entry.kind().name().toLowerCase(Locale.ROOT))
          .append(entry.accepted() ? "" : " ignored").append("\"><td>").append(SafeText.html(entry.time().toString()))
          .append("</td><td>p").append(entry.partition()).append('@').append(entry.offset())
          .append("</td><td>").append(SafeText.html(entry.kind().name().toLowerCase(Locale.ROOT)))
          .append("</td><td>").append(cell(entry.turn())).append("</td><td>").append(cell(entry.attempt()))
          .append("</td><td>").append(cell(entry.seat())).append("</td><td>")
          .append(entry.role() == null ? "" : SafeText.html(entry.role().name())).append("</td><td>")
          .append(entry.policy() == null ? "" : SafeText.html(TimelineEntry.policyName(entry.policy())))
          .append("</td><td class=\"text\">").append(SafeText.html(entry.text()));
      if (!entry.votes().isEmpty()) {
        html.append("<br>votes ").append(SafeText.html(String.join(", ", entry.votes())));
      }
      html.append("</td><td>").append(SafeText.html(entry.detail()))
          .append(entry.accepted() ? "" : " (ignored by the fold)").append("</td></tr>\n");
    }
    html.append("</tbody></table>\n");
  }

  private static void scores(StringBuilder html, ScoredTrajectory trajectory) {
    html.append("<h2>Outcome</h2><p id=\"outcome\">").append(SafeText.html(Timeline.describe(trajectory.getOutcome())))
        .append("</p>\n<table id=\"rewards\"><thead><tr><th>seat</th><th>role</th><th>clue reward (raw)</th>")
        .append("</tr></thead><tbody>");
    for (int seat = 1; seat <= trajectory.getClueRewards().size(); seat++) {
      html.append("<tr><td>").append(seat).append("</td><td>")
          .append(SeatAssignment.roleOf(seat, trajectory.getSpySeat())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%+.4f", trajectory.getClueRewards().get(seat - 1)))
          .append("</td></tr>");
    }
    html.append("</tbody></table>\n<table id=\"decisions\"><thead><tr><th>voter</th><th>sample</th><th>vote</th>")
        .append("<th>text</th><th>correct</th><th>reward</th><th>advantage</th></tr></thead><tbody>");
    for (ScoredDecision decision : trajectory.getDecisions()) {
      html.append("<tr><td>").append(decision.getDecision().getVoterSeat()).append("</td><td>")
          .append(decision.getDecision().getSampleIndex()).append("</td><td>")
          .append(SafeText.html(Timeline.vote(decision.getDecision()))).append("</td><td class=\"text\">")
          .append(SafeText.html(decision.getDecision().getText())).append("</td><td>").append(decision.getCorrect())
          .append("</td><td>").append(String.format(Locale.ROOT, "%+.4f", decision.getReward()))
          .append("</td><td>").append(String.format(Locale.ROOT, "%+.4f", decision.getAdvantage()))
          .append("</td></tr>");
    }
    html.append("</tbody></table>\n");
  }

  private static String cell(int value) {
    return value == TimelineEntry.NONE ? "" : Integer.toString(value);
  }
}
