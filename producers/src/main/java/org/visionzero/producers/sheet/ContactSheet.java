package org.visionzero.producers.sheet;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.visionzero.events.Difference;
import org.visionzero.producers.pairs.PngCodec;
import org.visionzero.text.SafeText;

/**
 * A contact sheet for people to check the generators: each pair side by side (original, modified), the recorded
 * difference regions outlined on both, and the differences as text. As self-contained HTML (images inlined), or as
 * one PNG for a quick look.
 */
public final class ContactSheet {

  /** Small images are shown at least this wide, with crisp pixels. */
  private static final int MIN_DISPLAY_WIDTH = 256;
  private static final int PNG_SCALE = 2;
  private static final int PNG_GAP = 8;
  private static final int PNG_CAPTION_HEIGHT = 14;
  private static final Color OUTLINE = new Color(255, 0, 80);

  private ContactSheet() {
  }

  /** Writes the HTML sheet; every text is escaped. */
  public static void writeHtml(Path file, String heading, List<SheetEntry> entries) throws IOException {
    Files.writeString(file, html(heading, entries), StandardCharsets.UTF_8);
  }

  /** The HTML sheet as text. */
  public static String html(String heading, List<SheetEntry> entries) {
    StringBuilder html = new StringBuilder(4096 + entries.size() * 8192);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(SafeText.html(heading)).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:16px;background:#fafafa}\n")
        .append(".pair{display:flex;gap:16px;align-items:flex-start;margin:0 0 24px;padding:12px;")
        .append("background:#fff;border:1px solid #ddd}\n")
        .append(".frame{position:relative;line-height:0}\n")
        .append(".frame img{image-rendering:pixelated;display:block}\n")
        .append(".box{position:absolute;border:2px solid #ff0050;box-sizing:border-box}\n")
        .append(".label{font-size:12px;color:#555;margin:4px 0}\n")
        .append(".broken{color:#b00;font-weight:bold}\n")
        .append("</style></head><body>\n<h1>").append(SafeText.html(heading)).append("</h1>\n<p>")
        .append(entries.size()).append(" pairs. Left: original (civilians). Right: modified (spy). ")
        .append("Outlined: the recorded differences.</p>\n");
    for (SheetEntry entry : entries) {
      appendEntry(html, entry);
    }
    return html.append("</body></html>\n").toString();
  }

  private static void appendEntry(StringBuilder html, SheetEntry entry) {
    int displayWidth = Math.max(MIN_DISPLAY_WIDTH, entry.width());
    double scale = displayWidth / (double) entry.width();
    int displayHeight = (int) Math.round(entry.height() * scale);
    html.append("<div class=\"pair\">\n");
    appendImage(html, "original", entry.originalPng(), entry, displayWidth, displayHeight, scale);
    appendImage(html, "modified", entry.modifiedPng(), entry, displayWidth, displayHeight, scale);
    html.append("<div><h3>").append(SafeText.html(entry.title())).append("</h3>\n");
    entry.broken().ifPresent(kind -> html.append("<p class=\"broken\">broken on purpose: ")
        .append(SafeText.html(kind)).append("</p>\n"));
    html.append("<p class=\"label\">spy hint: ").append(SafeText.html(entry.spyHint())).append("</p>\n<ol>\n");
    for (Difference d : entry.differences()) {
      html.append("<li><b>").append(SafeText.html(d.getKind())).append("</b> ").append(SafeText.html(d.getDescription()))
          .append(String.format(Locale.ROOT, " <span class=\"label\">at (%d,%d) %d&times;%d</span></li>%n",
              d.getX(), d.getY(), d.getWidth(), d.getHeight()));
    }
    html.append("</ol></div>\n</div>\n");
  }

  private static void appendImage(StringBuilder html, String label, byte[] png, SheetEntry entry, int width,
                                  int height, double scale) {
    html.append("<div><div class=\"label\">").append(label).append("</div><div class=\"frame\">")
        .append("<img alt=\"").append(label).append("\" width=\"").append(width).append("\" height=\"")
        .append(height).append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
        .append("\">");
    for (Difference d : entry.differences()) {
      if (d.getWidth() > 0 && d.getHeight() > 0) {
        html.append(String.format(Locale.ROOT,
            "<div class=\"box\" style=\"left:%dpx;top:%dpx;width:%dpx;height:%dpx\" title=\"%s\"></div>",
            Math.round(d.getX() * scale), Math.round(d.getY() * scale), Math.round(d.getWidth() * scale),
            Math.round(d.getHeight() * scale), SafeText.html(d.getKind() + ": " + d.getDescription())));
      }
    }
    html.append("</div></div>\n");
  }

  /** Writes the sheet as one PNG: a row per pair, original and modified at twice their size, outlines drawn. */
  public static void writePng(Path file, List<SheetEntry> entries) throws IOException {
    Files.write(file, PngCodec.encode(image(entries)));
  }

  /** The sheet as one image. */
  public static BufferedImage image(List<SheetEntry> entries) {
    int cellWidth = entries.stream().mapToInt(SheetEntry::width).max().orElse(1) * PNG_SCALE;
    int cellHeight = entries.stream().mapToInt(SheetEntry::height).max().orElse(1) * PNG_SCALE;
    int rowHeight = cellHeight + PNG_CAPTION_HEIGHT + PNG_GAP;
    BufferedImage sheet = new BufferedImage(2 * cellWidth + 3 * PNG_GAP, Math.max(1, entries.size()) * rowHeight
        + PNG_GAP, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      for (int i = 0; i < entries.size(); i++) {
        SheetEntry entry = entries.get(i);
        int top = PNG_GAP + i * rowHeight;
        g.setColor(Color.DARK_GRAY);
        String caption = entry.title() + entry.broken().map(kind -> " [broken: " + kind + "]").orElse("");
        g.drawString(caption, PNG_GAP, top + PNG_CAPTION_HEIGHT - 3);
        int imageTop = top + PNG_CAPTION_HEIGHT;
        drawScaled(g, PngCodec.decode(entry.originalPng()), entry, PNG_GAP, imageTop);
        drawScaled(g, PngCodec.decode(entry.modifiedPng()), entry, 2 * PNG_GAP + cellWidth, imageTop);
      }
    } finally {
      g.dispose();
    }
    return sheet;
  }

  private static void drawScaled(Graphics2D g, BufferedImage image, SheetEntry entry, int left, int top) {
    g.drawImage(image, left, top, image.getWidth() * PNG_SCALE, image.getHeight() * PNG_SCALE, null);
    g.setColor(OUTLINE);
    g.setStroke(new BasicStroke(1f));
    for (Difference d : entry.differences()) {
      if (d.getWidth() > 0 && d.getHeight() > 0) {
        g.drawRect(left + d.getX() * PNG_SCALE, top + d.getY() * PNG_SCALE, d.getWidth() * PNG_SCALE - 1,
            d.getHeight() * PNG_SCALE - 1);
      }
    }
  }
}
