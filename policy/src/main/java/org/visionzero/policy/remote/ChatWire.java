package org.visionzero.policy.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.visionzero.game.text.PromptBuilder;
import org.visionzero.policy.PolicyTurn;

/**
 * The JSON of the OpenAI chat-completions API as the remote backend speaks it: one request per turn (the
 * paper's prompt from {@link PromptBuilder}, the image inline as a data URI, {@code n} samples at the turn's
 * temperature and seed, log-probabilities asked for), and the checks a response must pass before its tokens
 * become a trajectory.
 */
public final class ChatWire {
  /** vLLM's request field (honoured by vz serve) that spells logprob tokens as {@code token_id:<id>}. */
  public static final String TOKEN_IDS_FIELD = "return_tokens_as_token_ids";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChatWire() {}

  /** The request body for one turn. */
  public static ObjectNode request(PolicyTurn turn, String model, int maxTokens, boolean tokenIds) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    ArrayNode content = JSON.createArrayNode();
    content.addObject().put("type", "text").put("text", PromptBuilder.build(turn.view()));
    if (turn.image() != null) {
      content.addObject().put("type", "image_url").putObject("image_url")
          .put("url", ImageDataUri.encode(turn.image()));
    }
    ObjectNode message = body.putArray("messages").addObject();
    message.put("role", "user");
    message.set("content", content);
    body.put("n", turn.view().samples());
    body.put("temperature", Math.max(0f, turn.view().temperature()));
    body.put("max_tokens", maxTokens);
    body.put("seed", turn.view().samplingSeed());
    body.put("logprobs", true);
    if (tokenIds) {
      body.put(TOKEN_IDS_FIELD, true);
    }
    return body;
  }

  public static byte[] bytes(ObjectNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a request tree always serialises", e);
    }
  }

  /**
   * Reads a 200 response body. Malformed JSON is retryable (a cut or garbled body may not recur); a well-formed
   * response without choices, text or log-probabilities is not (the server does not give what a trajectory needs).
   */
  public static ChatCompletion parse(String body) {
    if (body == null || body.isBlank()) {
      throw new RemoteCallException("the server answered 200 with an empty body", true);
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new RemoteCallException("the server answered malformed JSON: " + e.getOriginalMessage(), true);
    }
    JsonNode choices = root.path("choices");
    if (!choices.isArray() || choices.isEmpty()) {
      throw new RemoteCallException("the response has no choices", false);
    }
    List<ChatCompletion.Choice> out = new ArrayList<>();
    for (JsonNode choice : choices) {
      int index = choice.path("index").asInt(out.size());
      JsonNode text = choice.path("message").path("content");
      if (!text.isTextual()) {
        throw new RemoteCallException("choice " + index + " has no message content", false);
      }
      JsonNode tokens = choice.path("logprobs").path("content");
      if (!tokens.isArray() || tokens.isEmpty()) {
        throw new RemoteCallException("choice " + index + " has no logprobs: the server must return the sampled "
            + "tokens' log-probabilities (request field logprobs=true; vLLM and vz serve do)", false);
      }
      List<ChatCompletion.SampledToken> sampled = new ArrayList<>(tokens.size());
      for (JsonNode token : tokens) {
        JsonNode lp = token.path("logprob");
        if (!token.path("token").isTextual() || !lp.isNumber() || !Double.isFinite(lp.asDouble()) || lp.asDouble() > 0) {
          throw new RemoteCallException("choice " + index + " has a logprobs entry without a token and a finite "
              + "log-probability <= 0: " + token, false);
        }
        sampled.add(new ChatCompletion.SampledToken(token.get("token").asText(), (float) lp.asDouble()));
      }
      out.add(new ChatCompletion.Choice(index, text.asText(), choice.path("finish_reason").asText(""), sampled));
    }
    return new ChatCompletion(root.path("model").asText(""), out);
  }
}
