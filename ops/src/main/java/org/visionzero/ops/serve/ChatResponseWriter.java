package org.visionzero.ops.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.visionzero.policy.remote.TokenText;

/** Writes the OpenAI response objects vz serve returns: chat completions, the model list, errors. */
public final class ChatResponseWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChatResponseWriter() {}

  /** A {@code chat.completion} with one choice per sample, each with its tokens' log-probabilities. */
  public static ObjectNode completion(ServedRequest request, ServedAnswer answer, int promptTokens) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-" + UUID.randomUUID());
    root.put("object", "chat.completion");
    root.put("created", Instant.now().getEpochSecond());
    root.put("model", ModelName.of(answer.version()));
    root.put("system_fingerprint", ModelName.of(answer.version()));
    ArrayNode choices = root.putArray("choices");
    int completionTokens = 0;
    for (int i = 0; i < answer.samples().size(); i++) {
      ServedAnswer.Sample sample = answer.samples().get(i);
      ObjectNode choice = choices.addObject();
      choice.put("index", i);
      ObjectNode message = choice.putObject("message");
      message.put("role", "assistant");
      message.put("content", sample.content());
      message.putNull("refusal");
      ArrayNode tokens = choice.putObject("logprobs").putArray("content");
      for (int t = 0; t < sample.tokenIds().size(); t++) {
        String spelled = request.tokenIds() ? TokenText.asId(sample.tokenIds().get(t)) : sample.tokenTexts().get(t);
        ObjectNode token = tokens.addObject();
        token.put("token", spelled);
        token.put("logprob", sample.logProbs()[t]);
        ArrayNode bytes = token.putArray("bytes");
        for (byte b : spelled.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          bytes.add(b & 0xff);
        }
        token.putArray("top_logprobs");
      }
      choice.put("finish_reason", sample.finishReason());
      completionTokens += sample.tokenIds().size();
    }
    ObjectNode usage = root.putObject("usage");
    usage.put("prompt_tokens", promptTokens);
    usage.put("completion_tokens", completionTokens);
    usage.put("total_tokens", promptTokens + completionTokens);
    return root;
  }

  /** The {@code /v1/models} list. */
  public static ObjectNode models(Collection<String> ids, long created) {
    ObjectNode root = JSON.createObjectNode();
    root.put("object", "list");
    ArrayNode data = root.putArray("data");
    for (String id : ids) {
      data.addObject().put("id", id).put("object", "model").put("created", created).put("owned_by", "vz");
    }
    return root;
  }

  /** An OpenAI error body. */
  public static ObjectNode error(String message, String type, String code) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("message", message);
    error.put("type", type);
    error.putNull("param");
    error.put("code", code);
    return root;
  }

  public static String text(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a response tree always serialises", e);
    }
  }
}
