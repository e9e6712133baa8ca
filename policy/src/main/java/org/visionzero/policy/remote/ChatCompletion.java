package org.visionzero.policy.remote;

import java.util.List;

/**
 * What a worker needs of an OpenAI chat completion: the model that answered and, per choice, the text and the
 * sampled tokens with their log-probabilities.
 */
public record ChatCompletion(String model, List<Choice> choices) {
  public ChatCompletion {
    choices = List.copyOf(choices);
  }

  /** One sampled token as {@code logprobs.content[i]} spells it, with its log-probability. */
  public record SampledToken(String token, float logProb) {}

  /** One choice: its text, why it stopped ({@code stop} or {@code length}), and its tokens. */
  public record Choice(int index, String content, String finishReason, List<SampledToken> tokens) {
    public Choice {
      tokens = List.copyOf(tokens);
    }
  }
}
