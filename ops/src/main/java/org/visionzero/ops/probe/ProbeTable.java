package org.visionzero.ops.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.visionzero.ops.eval.Proportion;
import org.visionzero.text.SafeText;

/** The probe for people: a text table for the terminal and an HTML table for {@code report.html}. */
public final class ProbeTable {

  private ProbeTable() {}

  /** One row per task (and one for its no-image control), one column per probed model, v0 first. */
  public static String text(ProbeReport report) {
    List<ProbeResult> models = models(report);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-26s %-7s", "task", "chance"));
    for (ProbeResult model : models) {
      out.append(String.format(Locale.ROOT, " %-27s", model.label()));
    }
    out.append('\n');
    for (Map.Entry<String, TaskResult> task : report.v0().tasks().entrySet()) {
      TaskResult v0 = task.getValue();
      out.append(String.format(Locale.ROOT, "%-26s %-7.3f", task.getKey(), v0.chance()));
      for (ProbeResult model : models) {
        out.append(String.format(Locale.ROOT, " %-27s", cell(model.tasks().get(task.getKey()).correct())));
      }
      out.append('\n');
      if (v0.noImage().trials() > 0) {
        out.append(String.format(Locale.ROOT, "%-26s %-7s", "  same, blank image", ""));
        for (ProbeResult model : models) {
          out.append(String.format(Locale.ROOT, " %-27s", cell(model.tasks().get(task.getKey()).noImage())));
        }
        out.append('\n');
      }
    }
    out.append(String.format(Locale.ROOT, "%d items per task (seeds from %d), Wilson 95 %% intervals per item; "
        + "items drawn in %.1f s", report.itemsPerTask(), report.firstSeed(), report.itemSeconds()));
    for (ProbeResult model : models) {
      out.append(String.format(Locale.ROOT, "; %s v%d scored in %.1f s", model.label(), model.version(),
          model.seconds()));
    }
    return out.toString();
  }

  /** The same as an HTML section, every string escaped. */
  public static String html(ProbeReport report) {
    List<ProbeResult> models = models(report);
    StringBuilder html = new StringBuilder();
    html.append("<table><tr><th>task</th><th>question</th><th>chance</th>");
    for (ProbeResult model : models) {
      html.append("<th>").append(SafeText.html(model.label())).append("</th>");
    }
    html.append("</tr>\n");
    for (Map.Entry<String, TaskResult> task : report.v0().tasks().entrySet()) {
      TaskResult v0 = task.getValue();
      html.append("<tr><td>").append(SafeText.html(task.getKey())).append("</td><td style=\"text-align:left\">")
          .append(SafeText.html(v0.question())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.3f", v0.chance())).append("</td>");
      for (ProbeResult model : models) {
        html.append("<td>").append(cell(model.tasks().get(task.getKey()).correct())).append("</td>");
      }
      html.append("</tr>\n");
      if (v0.noImage().trials() > 0) {
        html.append("<tr><td></td><td style=\"text-align:left\">the same, blank image</td><td></td>");
        for (ProbeResult model : models) {
          html.append("<td>").append(cell(model.tasks().get(task.getKey()).noImage())).append("</td>");
        }
        html.append("</tr>\n");
      }
    }
    html.append("</table>\n");
    return html.toString();
  }

  private static List<ProbeResult> models(ProbeReport report) {
    List<ProbeResult> models = new ArrayList<>();
    models.add(report.v0());
    models.addAll(report.checkpoints());
    return models;
  }

  private static String cell(Proportion p) {
    return p.trials() == 0 ? "" : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", p.rate(), p.low(), p.high());
  }
}
