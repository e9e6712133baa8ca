package org.visionzero.ops.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.visionzero.events.BlobRef;
import org.visionzero.events.PolicyRef;
import org.visionzero.game.text.PromptReader;
import org.visionzero.game.view.TurnView;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.remote.ChatWire;
import org.visionzero.policy.remote.ImageDataUri;

/**
 * Reads an OpenAI chat-completions request into a turn for the in-JVM model: the last user message's text must be
 * a prompt of the project's template ({@link PromptReader}), its first {@code image_url} part (a base64 data URI)
 * is the picture; {@code n}, {@code temperature} (default 1) and {@code seed} (default random) drive sampling.
 */
public final class ChatRequestReader {
  /** Most choices per request. */
  public static final int MAX_N = 64;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The turn's image is the request's, not a blob: this reference only marks "not blank". */
  private static final BlobRef INLINE_IMAGE = BlobRef.newBuilder().setUri("inline:request")
      .setSha256("0".repeat(64)).setMediaType("image/png").setSize(0).build();

  private ChatRequestReader() {}

  public static ServedRequest read(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw BadChatRequestException.invalid("the body is not JSON: " + (e instanceof JsonProcessingException j
          ? j.getOriginalMessage() : e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw BadChatRequestException.invalid("the body must be a JSON object");
    }
    String model = text(root, "model");
    PolicyRef ref;
    try {
      ref = ModelName.parse(model);
    } catch (IllegalArgumentException e) {
      throw BadChatRequestException.invalid(e.getMessage());
    }
    int n = root.path("n").asInt(1);
    if (n < 1 || n > MAX_N) {
      throw BadChatRequestException.invalid("n must be 1.." + MAX_N + ", was " + root.path("n"));
    }
    double temperature = root.has("temperature") && !root.get("temperature").isNull()
        ? root.get("temperature").asDouble() : 1.0;
    if (!(temperature >= 0 && temperature <= 2)) {
      throw BadChatRequestException.invalid("temperature must be 0..2, was " + root.path("temperature"));
    }
    long seed = root.path("seed").isIntegralNumber() ? root.get("seed").asLong()
        : ThreadLocalRandom.current().nextLong();
    JsonNode user = lastUserMessage(root.path("messages"));
    StringBuilder prompt = new StringBuilder();
    List<String> images = new ArrayList<>();
    JsonNode content = user.path("content");
    if (content.isTextual()) {
      prompt.append(content.asText());
    } else if (content.isArray()) {
      for (JsonNode part : content) {
        String type = part.path("type").asText("");
        if (type.equals("text")) {
          prompt.append(prompt.length() > 0 ? "\n" : "").append(part.path("text").asText(""));
        } else if (type.equals("image_url")) {
          images.add(part.path("image_url").path("url").asText(""));
        } else {
          throw BadChatRequestException.invalid("content part of type '" + type + "' is not supported");
        }
      }
    } else {
      throw BadChatRequestException.invalid("the user message has no content");
    }
    PromptReader.ReadTurn read;
    try {
      read = PromptReader.read(prompt.toString());
    } catch (IllegalArgumentException e) {
      throw BadChatRequestException.invalid("vz serve plays the project's prompt template only: " + e.getMessage());
    }
    BufferedImage image = null;
    if (!read.blankImage()) {
      if (images.isEmpty()) {
        throw BadChatRequestException.invalid("the prompt's seat sees a picture but the request has no image_url");
      }
      try {
        image = ImageDataUri.decode(images.get(0));
      } catch (IllegalArgumentException e) {
        throw BadChatRequestException.invalid(e.getMessage());
      }
    }
    int samples = read.kind() == org.visionzero.events.TurnKind.DECISION ? n : 1;
    TurnView view = new TurnView("http", 0, 1, read.kind(), read.seat(), read.round(), read.role(),
        read.numPlayers(), read.blankImage() ? null : INLINE_IMAGE, read.spyHint(), read.history(),
        read.ownReasoning(), samples, (float) temperature, seed, ref);
    return new ServedRequest(ref, PolicyTurn.of(view, image), n, root.path(ChatWire.TOKEN_IDS_FIELD).asBoolean(false));
  }

  private static JsonNode lastUserMessage(JsonNode messages) {
    if (!messages.isArray() || messages.isEmpty()) {
      throw BadChatRequestException.invalid("messages must be a non-empty array");
    }
    for (int i = messages.size() - 1; i >= 0; i--) {
      if ("user".equals(messages.get(i).path("role").asText())) {
        return messages.get(i);
      }
    }
    throw BadChatRequestException.invalid("messages hold no user message");
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.path(field);
    if (!node.isTextual() || node.asText().isBlank()) {
      throw BadChatRequestException.invalid("'" + field + "' is required");
    }
    return node.asText();
  }
}
