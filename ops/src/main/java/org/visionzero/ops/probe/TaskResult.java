package org.visionzero.ops.probe;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.visionzero.ops.eval.Proportion;

/**
 * One task's figures for one checkpoint: the share of items answered right with its Wilson 95 % interval (each
 * item one independent trial), chance beside it, and for one-image questions the same items with a blank image.
 *
 * @param noImage empty ({@link Proportion#EMPTY}) when the task shows several images per item
 */
public record TaskResult(String source, String question, int choices,
    @JsonIgnore Proportion correct, @JsonIgnore Proportion noImage) {

  /** One right pick among {@code choices} by guessing. */
  @JsonProperty("chance")
  public double chance() {
    return 1.0 / choices;
  }

  /** {@code {rate, low, high, n}}. */
  @JsonProperty("accuracy")
  public Map<String, Object> accuracy() {
    return correct.toJson();
  }

  /** The no-image control, or null (left out) for tasks that compare images. */
  @JsonProperty("noImageAccuracy")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public Map<String, Object> noImageAccuracy() {
    return noImage.trials() == 0 ? null : noImage.toJson();
  }
}
