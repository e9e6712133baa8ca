package org.visionzero.ops.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionTokenLogprob;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.game.text.PromptBuilder;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.VisibleClue;
import org.visionzero.ops.eval.RemoteClueEvaluation;
import org.visionzero.ops.eval.RemoteDecisionEvaluation;
import org.visionzero.ops.eval.RemoteSeat;
import org.visionzero.ops.run.SceneCaptionSource;
import org.visionzero.ops.run.ShippedV0;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.remote.ChatClient;
import org.visionzero.policy.remote.ImageDataUri;
import org.visionzero.policy.remote.RemoteModelCheckpoint;
import org.visionzero.policy.remote.RemotePolicy;
import org.visionzero.policy.remote.RemoteSettings;
import org.visionzero.workers.device.WorkerDevice;
import org.visionzero.workers.policy.ModelPolicyFactory;
import org.visionzero.workers.policy.RemotePolicyFactory;

/**
 * vz serve over the shipped v0, on loopback: the HTTP path gives the in-JVM model's own tokens and log-probs, the
 * official OpenAI Java SDK reads its responses, and bad requests get OpenAI-style errors.
 */
class PolicyServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "serve-test-key";
  private static final PolicyRef V0 = new PolicyRef("vz", 0);
  private static final Vocabulary VOCABULARY = Vocabulary.standard();

  @TempDir
  static Path dir;
  private static PolicyServer server;
  private static Policy inJvm;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Path checkpoint = dir.resolve("v0.vzck");
    Files.write(checkpoint, ShippedV0.bytes());
    ServedModels models = ServedModels.start(checkpoint, ModelPolicyFactory.standard(), 2, Optional.empty(),
        new SimpleMeterRegistry());
    server = PolicyServer.start(models, new PolicyServer.Settings("127.0.0.1", 0, 64, 16, Duration.ofMillis(2),
        Duration.ofSeconds(60), KEY, true));
    inJvm = ModelPolicyFactory.standard().load(V0, ShippedV0.bytes(), WorkerDevice.CPU);
  }

  @AfterAll
  static void stop() {
    server.close();
    inJvm.close();
  }

  @Test
  void givenTheSameTurns_thenTheHttpPathAnswersWithTheInJvmModelsOwnTokensAndLogProbs() {
    RemoteSettings settings = RemoteSettings.defaults(baseUrl(), KEY);
    RemotePolicy remote = new RemotePolicy(new ChatClient(settings), settings, V0, VOCABULARY);
    List<PolicyTurn> clues = new ArrayList<>();
    for (int seat = 1; seat <= 4; seat++) {
      clues.add(turn(TurnKind.CLUE, seat, seat == 3 ? Role.SPY : Role.CIVILIAN, seat * 31L, seat == 2));
    }
    List<PolicyTurn> decisions = List.of(turn(TurnKind.DECISION, 0, Role.OBSERVER, 99L, false),
        turn(TurnKind.DECISION, 0, Role.OBSERVER, 100L, true));

    List<ClueAnswer> overHttp = remote.clues(clues);
    List<ClueAnswer> local = inJvm.clues(clues);
    List<DecisionAnswer> votesOverHttp = remote.decisions(decisions);
    List<DecisionAnswer> votesLocal = inJvm.decisions(decisions);

    for (int i = 0; i < clues.size(); i++) {
      assertThat(overHttp.get(i).text()).isEqualTo(local.get(i).text());
      assertThat(overHttp.get(i).tokenIds()).isEqualTo(local.get(i).tokenIds());
      assertClose(overHttp.get(i).logProbs(), local.get(i).logProbs());
      assertThat(overHttp.get(i).policy()).isEqualTo(V0);
    }
    for (int i = 0; i < decisions.size(); i++) {
      assertThat(votesOverHttp.get(i).samples()).hasSize(8);
      for (int g = 0; g < 8; g++) {
        var http = votesOverHttp.get(i).samples().get(g);
        var own = votesLocal.get(i).samples().get(g);
        assertThat(http.kind()).isEqualTo(own.kind());
        assertThat(http.seat()).isEqualTo(own.seat());
        assertThat(http.tokenIds()).isEqualTo(own.tokenIds());
        assertClose(http.logProbs(), own.logProbs());
      }
    }
  }

  @Test
  void theOfficialOpenAiJavaSdkReadsTheCompletionsAndTheModelList() {
    OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(baseUrl().toString()).apiKey(KEY).build();
    PolicyTurn turn = turn(TurnKind.DECISION, 0, Role.OBSERVER, 7L, false);
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
        .model("vz-v0")
        .addUserMessageOfArrayOfContentParts(List.of(
            ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder()
                .text(PromptBuilder.build(turn.view())).build()),
            ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
                    .url(ImageDataUri.encode(turn.image())).build()).build())))
        .n(8).temperature(0.8).seed(7L).logprobs(true).maxCompletionTokens(16L)
        .build();

    ChatCompletion completion = client.chat().completions().create(params);
    completion.validate();

    assertThat(completion.model()).isEqualTo("vz-v0");
    assertThat(completion.choices()).hasSize(8);
    for (ChatCompletion.Choice choice : completion.choices()) {
      assertThat(choice.message().content()).get().asString().matches("\\\\boxed\\{([1-4]|N/A)}");
      List<ChatCompletionTokenLogprob> tokens = choice.logprobs().orElseThrow().content().orElseThrow();
      assertThat(tokens).hasSize(1);
      assertThat(tokens.get(0).logprob()).isLessThanOrEqualTo(0.0);
    }
    assertThat(client.models().list().data()).extracting(m -> m.id()).contains("vz-v0", "vz");
    client.close();
  }

  @Test
  void givenBadRequests_thenOpenAiStyleErrorsSayWhy() throws Exception {
    HttpResponse<String> noKey = post("{}", null);
    HttpResponse<String> notJson = post("{not json", KEY);
    HttpResponse<String> otherPrompt = post("{\"model\":\"vz\",\"messages\":[{\"role\":\"user\","
        + "\"content\":\"Describe the image.\"}]}", KEY);
    String prompt = JSON.writeValueAsString(PromptBuilder.build(turn(TurnKind.CLUE, 1, Role.CIVILIAN, 1L, true).view()));
    HttpResponse<String> unknownVersion = post("{\"model\":\"vz-v42\",\"messages\":[{\"role\":\"user\","
        + "\"content\":" + prompt + "}]}", KEY);
    HttpResponse<String> badImage = post("{\"model\":\"vz\",\"messages\":[{\"role\":\"user\",\"content\":["
        + "{\"type\":\"text\",\"text\":" + JSON.writeValueAsString(PromptBuilder.build(
            turn(TurnKind.CLUE, 1, Role.CIVILIAN, 1L, false).view())) + "},"
        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"http://example.com/x.png\"}}]}]}", KEY);

    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(error(notJson)).contains("not JSON");
    assertThat(otherPrompt.statusCode()).isEqualTo(400);
    assertThat(error(otherPrompt)).contains("prompt template");
    assertThat(unknownVersion.statusCode()).isEqualTo(404);
    assertThat(error(unknownVersion)).contains("vz-v42");
    assertThat(badImage.statusCode()).isEqualTo(400);
    assertThat(error(badImage)).contains("only base64 data URIs");
  }

  /**
   * Versions with external weights: an outside trainer loads its new weights into the server under a name of their
   * own (here v0's checkpoint as 'qwen-lora-7', through vLLM's runtime adapter call) and publishes version 7 of policy
   * 'qwen' as a checkpoint that names it; the worker's factory sends that model on every request of version 7 and
   * stamps version 7 on the answers, and the server answers under that name.
   */
  @Test
  void givenACheckpointThatNamesAModelLoadedAtRunTime_thenRequestsAskForItAndAnswersCarryTheNewVersion()
      throws Exception {
    HttpResponse<String> loaded = load("qwen-lora-7", dir.resolve("v0.vzck").toString(), KEY);
    RemoteSettings settings = RemoteSettings.defaults(baseUrl(), KEY);
    PolicyRef qwen7 = new PolicyRef("qwen", 7);
    RemotePolicyFactory factory = new RemotePolicyFactory(ModelPolicyFactory.standard(), java.util.Set.of("qwen"),
        settings);
    List<PolicyTurn> turns = List.of(turn(TurnKind.CLUE, 1, Role.CIVILIAN, 5L, false));

    Policy external = factory.load(qwen7, RemoteModelCheckpoint.encode("qwen-lora-7"), WorkerDevice.CPU);
    ClueAnswer answer = external.clues(turns).get(0);

    assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
    assertThat(factory.architecture("qwen")).isEqualTo(RemoteModelCheckpoint.ARCHITECTURE);
    assertThat(((RemotePolicy) external).model()).isEqualTo("qwen-lora-7");
    assertThat(answer.policy()).isEqualTo(qwen7);
    assertThat(answer.tokenIds()).isEqualTo(inJvm.clues(turns).get(0).tokenIds());
    assertThat(server.meters().counter(PolicyServer.NAMED_REQUESTS, "model", "qwen-lora-7").count()).isEqualTo(1.0);
    assertThat(JSON.readTree(post(chatRequest("qwen-lora-7"), KEY).body()).path("model").asText())
        .isEqualTo("qwen-lora-7");
  }

  @Test
  void givenBadModelLoads_thenEachIsRefusedWithTheReasonAndNothingIsServed() throws Exception {
    Path notACheckpoint = Files.writeString(dir.resolve("notes.txt"), "not weights");
    Path v0 = dir.resolve("v0.vzck");
    load("taken-once", v0.toString(), KEY);

    HttpResponse<String> servedName = load("vz-v5", v0.toString(), KEY);
    HttpResponse<String> noWeights = load("notes", notACheckpoint.toString(), KEY);
    HttpResponse<String> missingFile = load("missing", dir.resolve("nowhere.vzck").toString(), KEY);
    HttpResponse<String> twice = load("taken-once", v0.toString(), KEY);
    HttpResponse<String> noName = load("", v0.toString(), KEY);
    HttpResponse<String> noKey = load("unkeyed", v0.toString(), null);

    assertThat(servedName.statusCode()).isEqualTo(400);
    assertThat(error(servedName)).contains("served policy 'vz'");
    assertThat(noWeights.statusCode()).isEqualTo(400);
    assertThat(error(noWeights)).contains("is not a vz checkpoint");
    assertThat(missingFile.statusCode()).isEqualTo(400);
    assertThat(error(missingFile)).contains("cannot read");
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(error(twice)).contains("already served");
    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(post(chatRequest("notes"), KEY).statusCode()).isEqualTo(404);
  }

  @Test
  void givenModelLoadingNotAllowed_thenTheLoadCallIsForbidden() throws Exception {
    try (PolicyServer closed = PolicyServer.start(ServedModels.start(dir.resolve("v0.vzck"),
        ModelPolicyFactory.standard(), 1, Optional.empty(), new SimpleMeterRegistry()),
        new PolicyServer.Settings("127.0.0.1", 0, 4, 1, Duration.ofMillis(1), Duration.ofSeconds(10), ""))) {
      HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closed.port()
              + PolicyServer.LOAD_PATH)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"lora_name\":\"x\",\"lora_path\":\"/etc/hostname\"}")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(error(refused)).contains("--allow-model-loading");
    }
  }

  /**
   * vz eval --policy-url --seat spy: the checkpoint's own model over HTTP in the spy seat wins exactly as the
   * checkpoint does in that seat, under the same referee.
   */
  @Test
  void givenTheCheckpointsOwnModelBehindTheUrlInTheSpySeat_thenItScoresExactlyAsTheCheckpoint() {
    RemoteSettings settings = RemoteSettings.defaults(baseUrl(), KEY).withModelTemplate("vz-v0");
    RemotePolicy remote = new RemotePolicy(new ChatClient(settings), settings, V0, VOCABULARY);

    RemoteClueEvaluation.Result result = RemoteClueEvaluation.run(inJvm, remote, "vz-v0", inJvm, RemoteSeat.SPY,
        new SceneCaptionSource(64), 1_000_000L, 6);

    assertThat(result.remoteFigures()).isEqualTo(result.checkpointFigures());
    assertThat(result.remoteFigures().wins().trials()).isEqualTo(6);
    assertThat(result.toJson()).contains("\"seat\" : \"spy\"").contains("winRateFixedReferee");
  }

  /** vz eval --policy-url: the same model over HTTP in the decision seat decides exactly as the checkpoint does. */
  @Test
  void givenTheCheckpointsOwnModelBehindTheUrl_thenTheRemoteDeciderScoresExactlyAsTheCheckpoint() {
    RemoteSettings settings = RemoteSettings.defaults(baseUrl(), KEY).withModelTemplate("vz-v0");
    RemotePolicy remote = new RemotePolicy(new ChatClient(settings), settings, V0, VOCABULARY);

    RemoteDecisionEvaluation.Result result = RemoteDecisionEvaluation.run(inJvm, remote, "vz-v0",
        new SceneCaptionSource(64), 1_000_000L, 6);

    assertThat(result.remoteFigures()).isEqualTo(result.checkpointFigures());
    assertThat(result.remoteFigures().accuracy().trials()).isEqualTo(6 * RemoteDecisionEvaluation.SAMPLES);
    assertThat(result.toJson()).contains("\"remoteDecider\"").contains("noImageAccuracy");
  }

  @Test
  void healthAndMetricsAnswer() throws Exception {
    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(root() + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    post("{}", KEY);
    HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(root() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("ok");
    assertThat(metrics.body()).contains("vz_serve_requests_total");
  }

  private static String error(HttpResponse<String> response) throws Exception {
    JsonNode error = JSON.readTree(response.body()).path("error");
    assertThat(error.path("type").asText()).isNotBlank();
    return error.path("message").asText();
  }

  private static HttpResponse<String> load(String name, String path, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + PolicyServer.LOAD_PATH))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            JSON.writeValueAsString(java.util.Map.of("lora_name", name, "lora_path", path))));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A clue request of the vz template for {@code model}. */
  private static String chatRequest(String model) throws Exception {
    return "{\"model\":" + JSON.writeValueAsString(model) + ",\"messages\":[{\"role\":\"user\",\"content\":"
        + JSON.writeValueAsString(PromptBuilder.build(turn(TurnKind.CLUE, 1, Role.CIVILIAN, 1L, true).view()))
        + "}]}";
  }

  private static HttpResponse<String> post(String body, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/chat/completions"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String root() {
    return "http://127.0.0.1:" + server.port();
  }

  private static URI baseUrl() {
    return URI.create(root() + "/v1");
  }

  private static void assertClose(float[] actual, float[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < actual.length; i++) {
      assertThat(actual[i]).isCloseTo(expected[i], within(1e-4f));
    }
  }

  /** A turn on a random picture; clue turns after the first seat see the earlier seats' clues. */
  private static PolicyTurn turn(TurnKind kind, int seat, Role role, long seed, boolean blank) {
    List<VisibleClue> history = new ArrayList<>();
    int upTo = kind == TurnKind.DECISION ? 4 : seat - 1;
    for (int s = 1; s <= upTo; s++) {
      String text = s % 2 == 0 ? "red cube left" : "blue sphere";
      List<Integer> tokens = new ArrayList<>(VOCABULARY.encode(text));
      tokens.add(Vocabulary.EOS_ID);
      history.add(new VisibleClue(s, 1, text, tokens));
    }
    TurnView view = new TurnView("g-" + seed, 0, 1, kind, seat, kind == TurnKind.CLUE ? 1 : 0, role, 4,
        blank ? null : org.visionzero.events.BlobRef.newBuilder().setUri("blob:x").setSha256("1".repeat(64))
            .setMediaType("image/png").setSize(1).build(),
        "", history, List.of(), kind == TurnKind.DECISION ? 8 : 1, 0.8f, seed, V0);
    return PolicyTurn.of(view, blank ? null : picture(seed));
  }

  private static BufferedImage picture(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    return image;
  }
}
