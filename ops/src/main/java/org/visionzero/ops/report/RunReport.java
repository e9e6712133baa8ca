package org.visionzero.ops.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code summary.json} and {@code report.html} into a run directory. */
public final class RunReport {

  public static final String SUMMARY_FILE = "summary.json";
  public static final String REPORT_FILE = "report.html";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunReport() {
  }

  /** Writes both files (creating the directory); returns the report's path. */
  public static Path write(Path runDir, RunSummary summary, TrainingHistory history, List<SampleGame> samples)
      throws IOException {
    Files.createDirectories(runDir);
    Files.write(runDir.resolve(SUMMARY_FILE), JSON.writeValueAsBytes(summary.toJson()));
    Path report = runDir.resolve(REPORT_FILE);
    Files.writeString(report, ReportPage.render(summary, history, samples), StandardCharsets.UTF_8);
    return report;
  }
}
