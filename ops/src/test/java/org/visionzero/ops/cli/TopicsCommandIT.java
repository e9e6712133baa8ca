package org.visionzero.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.visionzero.ops.testing.KafkaBrokerExtension;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;
import picocli.CommandLine;

/** {@code vz topics create|describe} against a real broker, as a user would call them. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TopicsCommandIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldListEveryCatalogTopicAsJsonAfterCreate() throws Exception {
    TopicCatalog catalog = KAFKA.uniqueCatalog();
    String[] target = {"--bootstrap-servers", KAFKA.bootstrapServers(), "--topic-prefix", catalog.prefix(), "--json"};

    JsonNode created = JSON.readTree(vz(concat(new String[] {"topics", "create"}, target)));
    JsonNode described = JSON.readTree(vz(concat(new String[] {"topics", "describe"}, target)));

    List<String> catalogNames = catalog.all().stream().map(Topic::name).toList();
    assertThat(created.get("topics").findValuesAsText("status")).containsOnly("created");
    assertThat(described.get("bootstrapServers").asText()).isEqualTo(KAFKA.bootstrapServers());
    assertThat(described.get("topics").findValuesAsText("topic")).containsExactlyElementsOf(catalogNames);
    assertThat(described.get("topics").findValuesAsText("status")).containsOnly("exists");
  }

  @Test
  void shouldPrintATableForPeopleWithoutJson() {
    TopicCatalog catalog = KAFKA.uniqueCatalog();

    String text = vz("topics", "describe", "--bootstrap-servers", KAFKA.bootstrapServers(),
        "--topic-prefix", catalog.prefix());

    assertThat(text).startsWith("Topics on " + KAFKA.bootstrapServers())
        .contains(catalog.gameEvents().name() + " ").contains("missing");
  }

  private static String vz(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Vz.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int status = commandLine.execute(args);
    assertThat(status).as("exit status; stderr: " + err).isZero();
    return out.toString();
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = new String[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
