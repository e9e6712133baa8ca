package org.visionzero.policy.remote;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.events.VoteKind;
import org.visionzero.game.view.TurnView;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.TurnResult;
import org.visionzero.policy.Vocabulary;

/** The remote backend against a real HTTP server on loopback that answers well, badly, slowly or not at all. */
class RemotePolicyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "sk-test-SECRET-4711";
  private static final PolicyRef V3 = new PolicyRef("vz", 3);
  private static final Vocabulary VOCABULARY = Vocabulary.standard();
  private static final String CLUE_OK = completion(choice("\\\\boxed{red cube}",
      tokens("token_id:" + VOCABULARY.id("red"), -0.5, "token_id:" + VOCABULARY.id("cube"), -0.25,
          "token_id:2", -0.125)));

  private FakeChatServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void givenAGoodAnswer_thenTheClueCarriesTheServersTokensAndLogProbs_andTheRequestIsTheTurnsPrompt() throws Exception {
    RemotePolicy policy = policy(n -> FakeChatServer.Reply.ok(CLUE_OK), fast());

    ClueAnswer answer = policy.clues(List.of(clueTurn(11L))).get(0);

    assertThat(answer.text()).isEqualTo("red cube");
    assertThat(answer.tokenIds()).containsExactly(VOCABULARY.id("red"), VOCABULARY.id("cube"), Vocabulary.EOS_ID);
    assertThat(answer.logProbs()).containsExactly(-0.5f, -0.25f, -0.125f);
    assertThat(answer.policy()).isEqualTo(V3);
    JsonNode sent = JSON.readTree(server.received().get(0).body());
    assertThat(sent.path("model").asText()).isEqualTo("vz-v3");
    assertThat(sent.path("n").asInt()).isEqualTo(1);
    assertThat(sent.path("temperature").asDouble()).isEqualTo(0.8, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(sent.path("seed").asLong()).isEqualTo(11L);
    assertThat(sent.path("logprobs").asBoolean()).isTrue();
    assertThat(sent.path(ChatWire.TOKEN_IDS_FIELD).asBoolean()).isTrue();
    JsonNode content = sent.path("messages").get(0).path("content");
    assertThat(content.get(0).path("text").asText()).startsWith("We are playing \"Who is the Spy?\"");
    assertThat(content.get(1).path("image_url").path("url").asText()).startsWith("data:image/png;base64,");
    assertThat(server.received().get(0).authorization()).isEqualTo("Bearer " + KEY);
  }

  @Test
  void givenVotes_thenEachChoiceIsParsedByTheRules_andAnUnparsableOneIsAnInvalidVoteNotAnError() throws Exception {
    String body = completion(
        choice("I think \\\\boxed{2}", tokens("token_id:2", -0.1)),
        choice("\\\\boxed{N/A}", tokens("token_id:0", -1.5)),
        choice("no idea at all", tokens("token_id:3", -2.0)));
    RemotePolicy policy = policy(n -> FakeChatServer.Reply.ok(body), fast());

    DecisionAnswer answer = policy.decisions(List.of(decisionTurn(3))).get(0);

    assertThat(answer.samples()).extracting(v -> v.kind()).containsExactly(VoteKind.SEAT, VoteKind.ABSTAIN,
        VoteKind.INVALID);
    assertThat(answer.samples().get(0).seat()).isEqualTo(2);
    assertThat(answer.samples().get(1).tokenIds()).containsExactly(0);
    assertThat(answer.samples().get(1).logProbs()).containsExactly(-1.5f);
    assertThat(JSON.readTree(server.received().get(0).body()).path("n").asInt()).isEqualTo(3);
  }

  @Test
  void givenTwo500sThenAnAnswer_thenRetriesAndAnswers() throws Exception {
    RemotePolicy policy = policy(n -> n <= 2 ? new FakeChatServer.Reply(500, "{\"error\":\"busy\"}", 0)
        : FakeChatServer.Reply.ok(CLUE_OK), fast());

    List<TurnResult<ClueAnswer>> results = policy.tryClues(List.of(clueTurn(1L)));

    assertThat(results.get(0).ok()).isTrue();
    assertThat(server.received()).hasSize(3);
  }

  @Test
  void givenOnly500s_thenTheTurnFailsWithTheStatusAndAttempts_andTheOtherTurnsOfTheBatchAreAnswered()
      throws Exception {
    // The first turn's request is always #1..#3; the rest succeed. One request in flight keeps the order fixed.
    RemotePolicy policy = policy(n -> n <= 3 ? new FakeChatServer.Reply(503, "overloaded", 0)
        : FakeChatServer.Reply.ok(CLUE_OK), fast().withMaxInFlight(1).withBreaker(50, Duration.ofSeconds(1)));

    List<TurnResult<ClueAnswer>> results = policy.tryClues(List.of(clueTurn(1L), clueTurn(2L)));

    assertThat(results.get(0).ok()).isFalse();
    assertThat(results.get(0).failure()).contains("HTTP 503").contains("overloaded").contains("after 3 attempts")
        .contains("vz-v3");
    assertThat(results.get(1).ok()).isTrue();
  }

  @Test
  void givenMalformedJson_thenRetriedAndThenAClearFailure() throws Exception {
    RemotePolicy policy = policy(n -> FakeChatServer.Reply.ok("{\"choices\": [ {\"mess"), fast());

    TurnResult<ClueAnswer> result = policy.tryClues(List.of(clueTurn(1L))).get(0);

    assertThat(result.failure()).contains("malformed JSON").contains("after 3 attempts");
    assertThat(server.received()).hasSize(3);
  }

  @Test
  void givenNoLogprobs_thenFailsAtOnceSayingSo() throws Exception {
    String body = "{\"model\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":\"\\\\boxed{red}\"},\"logprobs\":null,\"finish_reason\":\"stop\"}]}";
    RemotePolicy policy = policy(n -> FakeChatServer.Reply.ok(body), fast());

    TurnResult<ClueAnswer> result = policy.tryClues(List.of(clueTurn(1L))).get(0);

    assertThat(result.failure()).contains("no logprobs");
    assertThat(server.received()).as("not retried: the server will not start giving logprobs").hasSize(1);
  }

  @Test
  void givenEmptyBodyOrNoChoices_thenClearFailures() throws Exception {
    RemotePolicy policy = policy(n -> n == 1 ? FakeChatServer.Reply.ok("{\"choices\":[]}")
        : FakeChatServer.Reply.ok("{\"choices\":[{\"index\":0,\"message\":{},\"logprobs\":null}]}"),
        fast().withRetries(1, Duration.ZERO, Duration.ZERO).withMaxInFlight(1));

    List<TurnResult<ClueAnswer>> results = policy.tryClues(List.of(clueTurn(1L), clueTurn(2L)));

    assertThat(results.get(0).failure()).contains("no choices");
    assertThat(results.get(1).failure()).contains("no message content");
  }

  @Test
  void givenTheWrongNumberOfChoices_thenTheDecisionFails() throws Exception {
    RemotePolicy policy = policy(n -> FakeChatServer.Reply.ok(completion(choice("\\\\boxed{1}",
        tokens("token_id:1", -0.1)))), fast());

    TurnResult<DecisionAnswer> result = policy.tryDecisions(List.of(decisionTurn(8))).get(0);

    assertThat(result.failure()).contains("asked for n=8 choices, got 1");
  }

  @Test
  void givenASlowServer_thenTheRequestTimesOutWithAClearReason() throws Exception {
    RemotePolicy policy = policy(n -> new FakeChatServer.Reply(200, CLUE_OK, 2_000),
        fast().withTimeout(Duration.ofMillis(200)).withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2)));

    TurnResult<ClueAnswer> result = policy.tryClues(List.of(clueTurn(1L))).get(0);

    assertThat(result.failure()).contains("no complete answer within PT0.2S").contains("after 2 attempts");
  }

  @Test
  void givenAServerThatKeepsFailing_thenTheBreakerOpensAndLaterTurnsFailFastWithoutCallingIt() throws Exception {
    RemotePolicy policy = policy(n -> new FakeChatServer.Reply(500, "down", 0),
        fast().withRetries(1, Duration.ZERO, Duration.ZERO).withMaxInFlight(1).withBreaker(3, Duration.ofMinutes(5)));

    List<TurnResult<ClueAnswer>> results =
        policy.tryClues(List.of(clueTurn(1L), clueTurn(2L), clueTurn(3L), clueTurn(4L), clueTurn(5L)));

    assertThat(server.received()).hasSize(3);
    assertThat(results.get(2).failure()).contains("HTTP 500");
    assertThat(results.get(3).failure()).contains("circuit breaker open");
    assertThat(results.get(4).failure()).contains("circuit breaker open");
  }

  @Test
  void givenABatch_thenRequestsGoOutTogetherButNeverMoreThanTheWindow() throws Exception {
    RemotePolicy policy = policy(n -> new FakeChatServer.Reply(200, CLUE_OK, 150), fast().withMaxInFlight(3));
    List<PolicyTurn> turns = new ArrayList<>();
    for (long i = 0; i < 9; i++) {
      turns.add(clueTurn(i));
    }

    List<ClueAnswer> answers = policy.clues(turns);

    assertThat(answers).hasSize(9);
    assertThat(server.mostInFlight()).isBetween(2, 3);
  }

  @Test
  void theApiKeyNeverAppearsInSettingsFailuresOrLogs() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(ChatClient.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    try {
      RemotePolicy policy = policy(n -> new FakeChatServer.Reply(500, "nope", 0), fast());

      TurnResult<ClueAnswer> result = policy.tryClues(List.of(clueTurn(1L))).get(0);

      assertThat(logs.list).isNotEmpty();
      assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(KEY));
      assertThat(result.failure()).doesNotContain(KEY);
      assertThat(fast().toString()).doesNotContain(KEY).contains("redacted");
      assertThat(policy.toString()).doesNotContain(KEY);
    } finally {
      logger.detachAppender(logs);
    }
  }

  private RemotePolicy policy(Function<Integer, FakeChatServer.Reply> script, RemoteSettings settings)
      throws Exception {
    server = new FakeChatServer(script).start();
    RemoteSettings pointed = new RemoteSettings(server.baseUrl(), settings.apiKey(), settings.modelTemplate(),
        settings.maxInFlight(), settings.requestTimeout(), settings.maxAttempts(), settings.backoffBase(),
        settings.backoffMax(), settings.breakerFailures(), settings.breakerOpenFor(), settings.maxTokens(),
        settings.tokenIds());
    return new RemotePolicy(new ChatClient(pointed), pointed, V3, VOCABULARY);
  }

  private static RemoteSettings fast() {
    return RemoteSettings.defaults(java.net.URI.create("http://127.0.0.1:1/v1"), KEY)
        .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5))
        .withTimeout(Duration.ofSeconds(10));
  }

  private static PolicyTurn clueTurn(long seed) {
    TurnView view = new TurnView("g-" + seed, 0, 1, TurnKind.CLUE, 1, 1, Role.CIVILIAN, 4, null, "", List.of(),
        List.of(), 1, 0.8f, seed, V3);
    return PolicyTurn.of(view, new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB));
  }

  private static PolicyTurn decisionTurn(int samples) {
    TurnView view = new TurnView("g-d", 8, 1, TurnKind.DECISION, 0, 0, Role.OBSERVER, 4, null, "", List.of(),
        List.of(), samples, 0.8f, 5L, V3);
    return PolicyTurn.of(view, new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB));
  }

  private static String completion(String... choices) {
    return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"vz-v3\",\"choices\":["
        + String.join(",", choices).replace("#INDEX#", "0") + "]}";
  }

  private static String choice(String content, String tokens) {
    return "{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},"
        + "\"logprobs\":{\"content\":[" + tokens + "]},\"finish_reason\":\"stop\"}";
  }

  private static String tokens(Object... tokenAndLogProb) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < tokenAndLogProb.length; i += 2) {
      out.add("{\"token\":\"" + tokenAndLogProb[i] + "\",\"logprob\":" + tokenAndLogProb[i + 1]
          + ",\"bytes\":null,\"top_logprobs\":[]}");
    }
    return String.join(",", out);
  }
}
