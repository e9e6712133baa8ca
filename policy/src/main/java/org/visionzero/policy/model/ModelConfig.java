package org.visionzero.policy.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Architecture of the vision-language model. Two checkpoints are interchangeable iff their configs are equal
 * (and so are their vocabularies).
 *
 * @param imageSize       side of the downscaled square input image, pixels (divisible by 8)
 * @param conv1           channels of the first stride-2 convolution
 * @param conv2           channels of the second
 * @param conv3           channels of the third, i.e. of the spatial feature map
 * @param imageDim        width of the global image vector
 * @param tokenDim        width of token, seat and round embeddings
 * @param roleDim         width of the role embedding
 * @param hiddenDim       width of the clue decoder's GRU state
 * @param attentionDim    width of the clue decoder's attention over the feature map
 * @param decisionDim     width of the decision head
 * @param vocabSize       number of tokens
 * @param maxPlayers      most seats a game may have
 * @param maxRounds       most clue rounds
 * @param maxClueTokens   longest clue, end token included
 * @param maxHistoryTokens most history tokens the clue decoder reads (the latest are kept)
 */
public record ModelConfig(
    int imageSize, int conv1, int conv2, int conv3, int imageDim, int tokenDim, int roleDim, int hiddenDim,
    int attentionDim, int decisionDim, int vocabSize, int maxPlayers, int maxRounds, int maxClueTokens,
    int maxHistoryTokens) {

  /** Three stride-2 convolutions: the feature map is a 1/8 of the image per side. */
  public static final int DOWNSCALE = 8;
  /** Number of roles the model tells apart (civilian, spy, observer). */
  public static final int ROLES = 3;
  /**
   * How often a fresh model (v0) echoes the latest clue of another seat instead of decoding its own, in every
   * role. Small, so v0 mostly describes its image, and not zero, so self-play can find out which role gains by
   * echoing (a spy that repeats a civilian's clue fits the civilians' image). A spy escapes only when it echoes in
   * both rounds, which scales with the square of the prior: at 0.03 the spy's echo probability crept from 0.03 to
   * 0.046 in 230 versions, where at 0.1 it reached 0.76 by v210.
   */
  public static final double ECHO_PRIOR = 0.1;

  public ModelConfig {
    if (imageSize % DOWNSCALE != 0 || imageSize < DOWNSCALE) {
      throw new IllegalArgumentException("imageSize must be a positive multiple of 8, was " + imageSize);
    }
    requirePositive("conv1", conv1);
    requirePositive("conv2", conv2);
    requirePositive("conv3", conv3);
    requirePositive("imageDim", imageDim);
    requirePositive("tokenDim", tokenDim);
    requirePositive("roleDim", roleDim);
    requirePositive("hiddenDim", hiddenDim);
    requirePositive("attentionDim", attentionDim);
    requirePositive("decisionDim", decisionDim);
    requirePositive("vocabSize", vocabSize);
    requirePositive("maxPlayers", maxPlayers);
    requirePositive("maxRounds", maxRounds);
    if (maxClueTokens < 2) {
      throw new IllegalArgumentException("maxClueTokens must be >= 2, was " + maxClueTokens);
    }
    requirePositive("maxHistoryTokens", maxHistoryTokens);
  }

  /** The standard model (~1 M parameters) for a vocabulary of the given size. */
  public static ModelConfig standard(int vocabSize) {
    return new ModelConfig(64, 16, 32, 32, 256, 64, 16, 256, 64, 64, vocabSize, 8, 4, 13, 128);
  }

  /** Side of the spatial feature map. */
  public int featureSide() {
    return imageSize / DOWNSCALE;
  }

  /** Positions of the spatial feature map. */
  public int featurePositions() {
    return featureSide() * featureSide();
  }

  /** Tokens of one seat's clues across all rounds, as the decision head reads them. */
  public int seatTokens() {
    return maxRounds * maxClueTokens;
  }

  /** Ordered field map: the text form stored in checkpoints and compared on load. */
  public Map<String, Integer> asMap() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("imageSize", imageSize);
    m.put("conv1", conv1);
    m.put("conv2", conv2);
    m.put("conv3", conv3);
    m.put("imageDim", imageDim);
    m.put("tokenDim", tokenDim);
    m.put("roleDim", roleDim);
    m.put("hiddenDim", hiddenDim);
    m.put("attentionDim", attentionDim);
    m.put("decisionDim", decisionDim);
    m.put("vocabSize", vocabSize);
    m.put("maxPlayers", maxPlayers);
    m.put("maxRounds", maxRounds);
    m.put("maxClueTokens", maxClueTokens);
    m.put("maxHistoryTokens", maxHistoryTokens);
    return m;
  }

  /** Rebuilds a config from {@link #asMap()}; a missing field is a clear error. */
  public static ModelConfig fromMap(Map<String, Integer> m) {
    return new ModelConfig(get(m, "imageSize"), get(m, "conv1"), get(m, "conv2"), get(m, "conv3"),
        get(m, "imageDim"), get(m, "tokenDim"), get(m, "roleDim"), get(m, "hiddenDim"), get(m, "attentionDim"),
        get(m, "decisionDim"),
        get(m, "vocabSize"), get(m, "maxPlayers"), get(m, "maxRounds"), get(m, "maxClueTokens"),
        get(m, "maxHistoryTokens"));
  }

  /** Short architecture fingerprint, e.g. for {@code CheckpointPublished.architecture}. */
  public String fingerprint() {
    StringBuilder sb = new StringBuilder("vz-vlm");
    asMap().forEach((k, v) -> sb.append(';').append(k).append('=').append(v));
    return sb.toString();
  }

  private static int get(Map<String, Integer> m, String key) {
    Integer v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("architecture config lacks '" + key + "'");
    }
    return v;
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
