package org.visionzero.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PairsCommandTest {

  @TempDir
  Path dir;

  @Test
  void givenAPathWithQuotesAndBackslashes_whenShownAsJson_thenTheJsonReadsBackTheExactPaths() throws Exception {
    Path out = dir.resolve("a \"quoted\" \\ folder").resolve("sheet.html");
    StringWriter stdout = new StringWriter();
    CommandLine vz = Vz.commandLine();
    vz.setOut(new PrintWriter(stdout, true));
    StringWriter stderr = new StringWriter();
    vz.setErr(new PrintWriter(stderr, true));

    int status = vz.execute("pairs", "show", "--count", "2", "--size", "64", "--out", out.toString(), "--json");

    assertThat(status).as(stderr.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(stdout.toString());
    assertThat(json.get("pairs").asInt()).isEqualTo(2);
    assertThat(json.get("html").asText()).isEqualTo(out.toAbsolutePath().toString());
    assertThat(Path.of(json.get("png").asText())).exists();
    assertThat(Files.size(out)).isPositive();
  }
}
