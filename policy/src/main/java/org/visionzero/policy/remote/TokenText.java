package org.visionzero.policy.remote;

import java.util.Locale;
import org.visionzero.policy.Vocabulary;

/**
 * How a sampled token is spelled in the {@code logprobs} of a chat completion, and back. With
 * {@code return_tokens_as_token_ids} (a vLLM request field that {@code vz serve} honours too) a token is
 * {@code token_id:<id>}, the server's own id; otherwise it is text, which maps onto the project's vocabulary (its
 * words and {@code <eos>}), and any other text becomes {@code <unk>}.
 */
public final class TokenText {
  /** vLLM's spelling of a token as its id. */
  public static final String TOKEN_ID_PREFIX = "token_id:";

  private TokenText() {}

  public static String asId(int id) {
    return TOKEN_ID_PREFIX + id;
  }

  /** The id a token stands for: its own id when spelled as one, else its vocabulary word, else {@code <unk>}. */
  public static int idOf(String token, Vocabulary vocabulary) {
    if (token.startsWith(TOKEN_ID_PREFIX)) {
      String digits = token.substring(TOKEN_ID_PREFIX.length());
      try {
        return Integer.parseInt(digits);
      } catch (NumberFormatException e) {
        throw new RemoteCallException("token '" + token + "' is not of the form token_id:<integer>", false);
      }
    }
    String word = token.strip().toLowerCase(Locale.ROOT);
    return vocabulary.contains(word) ? vocabulary.id(word) : Vocabulary.UNK_ID;
  }
}
