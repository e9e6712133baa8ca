package org.visionzero.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameRequested;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.ops.cli.Vz;
import org.visionzero.ops.eval.TopicTail;
import org.visionzero.ops.serve.PolicyServer;
import org.visionzero.streams.coordinator.GameIds;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * Versions with external weights, through Kafka, inside a running pipeline whose workers are on the openai backend:
 * vz serve plays the outside trainer's server (a checkpoint loaded at run time under a new model name, as vLLM loads
 * a LoRA adapter), {@code vz checkpoint publish-remote} announces version 1 of policy {@value #POLICY} as that model,
 * and games pinned to it must be played with requests for that model, every answer stamped with the version.
 */
final class ExternalVersionPhase {
  static final String POLICY = "outside";
  static final String MODEL = "outside-lora-step-1";
  private static final int GAMES = 3;
  /** Longest wait for pairs and for the games: they queue behind the run's produced pairs (FIFO admission). */
  static final Duration WAIT = Duration.ofSeconds(200);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExternalVersionPhase() {}

  /** Plays the phase; returns a line for the log. */
  static String run(VzRun run, Path blobDir, PolicyServer server, Path weights) throws Exception {
    loadIntoServer(server, weights);
    publish(run, blobDir);
    PolicyRef version = new PolicyRef(POLICY, 1);
    TopicCatalog topics = run.catalog();
    Map<String, Object> clients = run.clientProperties().asMap();
    Set<String> gameIds = requestGames(clients, topics, version);

    List<PolicyRef> stamps = new ArrayList<>();
    Map<String, Object> ends = new HashMap<>();
    try (TopicTail<GameEvent> events = new TopicTail<>(clients, topics.gameEvents(), "it-external-games")) {
      Instant until = Instant.now().plus(WAIT);
      while (ends.size() < gameIds.size() && Instant.now().isBefore(until)) {
        for (GameEvent event : events.poll(Duration.ofMillis(500))) {
          if (!gameIds.contains(event.getGameId())) {
            continue;
          }
          Object payload = event.getPayload();
          if (payload instanceof ClueGiven clue) {
            stamps.add(clue.getPolicy());
          } else if (payload instanceof DecisionSampled decision) {
            stamps.add(decision.getPolicy());
          } else if (payload instanceof GameCompleted || payload instanceof GameAborted) {
            ends.put(event.getGameId(), payload);
          }
        }
      }
    }
    assertThat(ends).as("games pinned to %s ended within %s", version, WAIT).hasSize(GAMES);
    assertThat(ends.values()).as("games pinned to %s completed (not aborted)", version)
        .allMatch(GameCompleted.class::isInstance);
    assertThat(stamps).as("answers of the games pinned to %s", version).isNotEmpty().allMatch(version::equals);
    double asked = server.meters().counter(PolicyServer.NAMED_REQUESTS, "model", MODEL).count();
    assertThat(asked).as("requests vz serve answered for model %s", MODEL).isGreaterThanOrEqualTo(stamps.size());
    return GAMES + " games of " + POLICY + "@1 completed, " + stamps.size() + " answers all stamped "
        + POLICY + "@1, vz serve answered " + (long) asked + " requests for model " + MODEL;
  }

  /** The outside trainer's server step: its new weights under a new name (vLLM's runtime LoRA call). */
  private static void loadIntoServer(PolicyServer server, Path weights) throws Exception {
    String body = JSON.writeValueAsString(Map.of("lora_name", MODEL, "lora_path", weights.toString()));
    HttpResponse<String> loaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + PolicyServer.LOAD_PATH))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
  }

  /** The outside trainer's announcement, through the command it would call. */
  private static void publish(VzRun run, Path blobDir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var vz = Vz.commandLine();
    vz.setOut(new PrintWriter(out));
    vz.setErr(new PrintWriter(err));
    int code = vz.execute("checkpoint", "publish-remote", "--policy", POLICY, "--version", "1", "--model", MODEL,
        "--bootstrap-servers", run.bootstrapServers(), "--topic-prefix", run.catalog().prefix(),
        "--blob-dir", blobDir.toString(), "--json");
    assertThat(code).as("vz checkpoint publish-remote: %s %s", out, err).isZero();
  }

  /** Evaluation games on pairs of the run with every seat and the decision pinned to {@code version}. */
  private static Set<String> requestGames(Map<String, Object> clients, TopicCatalog topics, PolicyRef version)
      throws Exception {
    Set<String> pairs = new LinkedHashSet<>();
    try (TopicTail<ImagePairCreated> tail = new TopicTail<>(clients, topics.imagePairs(), "it-external-pairs")) {
      Instant until = Instant.now().plus(WAIT);
      while (pairs.size() < GAMES && Instant.now().isBefore(until)) {
        tail.poll(Duration.ofMillis(500)).forEach(pair -> pairs.add(pair.getPairId()));
      }
    }
    assertThat(pairs).as("image pairs of the run").hasSizeGreaterThanOrEqualTo(GAMES);
    Topic<String, GameRequested> topic = topics.gameRequests();
    Set<String> gameIds = new LinkedHashSet<>();
    try (KafkaProducer<String, GameRequested> producer = new KafkaProducer<>(clients,
        topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      int n = 0;
      for (String pair : pairs.stream().limit(GAMES).toList()) {
        GameRequested request = GameRequested.newBuilder()
            .setEventId("it/external/" + n++)
            .setOccurredAt(Instant.now())
            .setPairId(pair)
            .setPurpose(Purpose.EVALUATION)
            .setCivilianPolicy(version)
            .setSpyPolicy(version)
            .setDecisionPolicy(version)
            .setRequestedBy("ExternalVersionPhase")
            .build();
        producer.send(new ProducerRecord<>(topic.name(), pair, request)).get();
        gameIds.add(GameIds.requested(request.getEventId()));
      }
    }
    return gameIds;
  }
}
