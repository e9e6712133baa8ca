package org.visionzero.ops.serve;

import java.util.List;
import org.visionzero.events.PolicyRef;

/** What the model answered to one request: the version that played it and one sample per choice. */
public record ServedAnswer(PolicyRef version, List<Sample> samples) {
  public ServedAnswer {
    samples = List.copyOf(samples);
  }

  /**
   * One choice: its text in the output contract ({@code \boxed{...}}), the sampled tokens (ids and how they read)
   * with their log-probabilities, and whether the model stopped by itself ({@code stop}) or hit its length cap.
   */
  public record Sample(String content, List<Integer> tokenIds, List<String> tokenTexts, float[] logProbs,
      String finishReason) {
    public Sample {
      tokenIds = List.copyOf(tokenIds);
      tokenTexts = List.copyOf(tokenTexts);
      logProbs = logProbs.clone();
    }
  }
}
