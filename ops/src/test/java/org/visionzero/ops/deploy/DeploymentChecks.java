package org.visionzero.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.visionzero.ops.metrics.EvaluationGauges;
import org.visionzero.ops.metrics.GroupLagGauges;
import org.visionzero.streams.coordinator.CoordinatorMetrics;
import org.visionzero.trainer.loop.TrainerMetrics;
import org.visionzero.workers.WorkerMetrics;

/**
 * The checks a deployment must pass, shared by the compose deployment's Testcontainers test and its in-JVM twin:
 * every series the committed Grafana dashboard queries is a meter the code defines, and a running deployment's
 * metrics endpoint exports the ones that matter with work done (turns, games, lag per group, staleness, trainer
 * steps, evaluated accuracy).
 */
final class DeploymentChecks {

  static final Path DASHBOARD = Path.of("deploy", "grafana", "dashboards", "vision-zero.json");
  private static final Pattern SERIES = Pattern.compile("\\bvz_[a-z0-9_]+");
  /** Suffixes the Prometheus registry adds to a Micrometer name. */
  private static final Pattern PROMETHEUS_SUFFIX = Pattern.compile("(_seconds)?(_total|_sum|_count|_max)$");
  /** The meters the code defines that the dashboard may use (their constants, so a rename breaks this test). */
  static final Set<String> DEFINED = Set.of(WorkerMetrics.TURNS, WorkerMetrics.DEAD_LETTERS,
      CoordinatorMetrics.GAMES_COMPLETED, CoordinatorMetrics.GAMES_ABORTED, CoordinatorMetrics.DEAD_LETTERS,
      TrainerMetrics.STEPS, TrainerMetrics.GAMES, TrainerMetrics.STALE_SAMPLES, TrainerMetrics.POLICY_VERSION,
      TrainerMetrics.STEP_TIME, TrainerMetrics.DEAD_LETTERS, GroupLagGauges.LAG, EvaluationGauges.VERSION,
      EvaluationGauges.DECISION_ACCURACY, EvaluationGauges.NO_IMAGE_ACCURACY);
  /** Series a deployment that has played and trained for a while must export. */
  static final List<String> MUST_FLOW = List.of("vz_worker_turns_total", "vz_coordinator_games_completed_total",
      "vz_consumer_lag", "vz_trainer_samples_stale_total", "vz_trainer_steps_total", "vz_trainer_policy_version",
      "vz_eval_decision_accuracy");

  /** Dashboard series Micrometer registers only at their first event (a dead letter, an aborted game). */
  static final Set<String> ON_FIRST_EVENT = Set.of("vz_worker_dead_letters_total",
      "vz_coordinator_dead_letters_total", "vz_coordinator_games_aborted_total");

  private DeploymentChecks() {
  }

  /** Every {@code vz_*} series named in the dashboard's queries. */
  static Set<String> dashboardSeries(Path dashboard) throws IOException {
    Set<String> series = new TreeSet<>();
    for (JsonNode expr : new ObjectMapper().readTree(dashboard.toFile()).findValues("expr")) {
      Matcher matcher = SERIES.matcher(expr.asText());
      while (matcher.find()) {
        series.add(matcher.group());
      }
    }
    return series;
  }

  /** The Micrometer name a Prometheus series comes from: vz_worker_turns_total is vz.worker.turns. */
  static String meterName(String series) {
    return PROMETHEUS_SUFFIX.matcher(series).replaceFirst("").replace('_', '.');
  }

  static void assertDashboardUsesOnlyDefinedMeters() throws IOException {
    Set<String> series = dashboardSeries(DASHBOARD);
    assertThat(series).as("series in %s", DASHBOARD).hasSizeGreaterThan(10);
    assertThat(series).allSatisfy(name -> assertThat(DEFINED).as("the meter of %s", name).contains(meterName(name)));
    assertThat(series).as("the dashboard shows what matters").containsAll(MUST_FLOW);
  }

  /**
   * Fails unless the scrape exports every series the dashboard queries (but those registered at a first dead
   * letter or abort) and those that must flow, with turns and games counted.
   */
  static void assertMetricsFlow(String scrape) throws IOException {
    Set<String> exported = new TreeSet<>();
    scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
        .forEach(line -> exported.add(line.split("[{ ]", 2)[0]));
    Set<String> expected = new TreeSet<>(dashboardSeries(DASHBOARD));
    expected.removeAll(ON_FIRST_EVENT);
    assertThat(exported).as("series exported").containsAll(expected);
    assertThat(scrape).as("scrape").contains(MUST_FLOW.stream().map(name -> "\n" + name).toList()
        .toArray(String[]::new));
    assertThat(value(scrape, "vz_worker_turns_total")).as("turns").isPositive();
    assertThat(value(scrape, "vz_coordinator_games_completed_total")).as("games").isPositive();
    assertThat(scrape).contains("vz_consumer_lag{group=\"vz-workers\"}");
  }

  /** The sum of a series' samples in a Prometheus scrape. */
  static double value(String scrape, String series) {
    return scrape.lines().filter(line -> line.startsWith(series + "{") || line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }

  static String scrape(String url) {
    try {
      HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
          .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
