package org.visionzero.ops.scale;

/**
 * How long one simulated GPU takes for a batch of turns: a 7B vision-language model served by vLLM on one H100.
 *
 * <p>{@code t = overhead + turns × promptTokens × prefillPerToken + decodeSteps × (stepBase + sequences × stepPerSequence)}:
 * every turn's prompt (the image's vision tokens and the text, {@link #promptTokens}) is prefilled once; then the
 * batch decodes until its longest answer is done, each step costing a fixed part (reading the weights) and a
 * part per sequence in the batch (its KV cache and activations). A decision turn decodes its {@code samples}
 * votes as that many sequences sharing one prefill.
 *
 * <p>Derivation of {@link #h100Vlm7B()} (sources in ops/SCALING.md, "The latency model"):
 * <ul>
 *   <li>decode step: vLLM's published nightly latency test {@code latency_llama8B_tp1} (Llama-3.1-8B, input 32,
 *   output 128, batch 8) took 833 ms on an H200, 6.5 ms a step. Decode is bound by memory bandwidth: the
 *   ~15.2 GB of bf16 weights take 3.2 ms to read at the H200's 4.8 TB/s and 4.5 ms at the H100's 3.35 TB/s; the
 *   remaining 3.3 ms (kernels, sampling, scheduling) is kept as is, so 7.8 ms a step at batch 8 on an H100:
 *   {@code stepBase} 7.3 ms, {@code stepPerSequence} 0.06 ms (a 1.3k-token KV cache of a GQA 7B model is
 *   ~75 MB, 0.02 ms to read, plus attention work);</li>
 *   <li>prefill: compute bound, ~15 GFLOP a token for 7.6 B parameters; 40 µs a token is 25k tokens/s, ~38 % of
 *   the H100's 989 bf16 TFLOP/s, in line with published H100 prefill-heavy figures (TensorRT-LLM's LLaMA-7B,
 *   2048 in / 128 out, batch 64: 2,058 output tokens/s, i.e. ~52k prompt tokens/s in fp8);</li>
 *   <li>prompt: 1,300 tokens a turn (the 1k–1.5k: ~1,000 vision tokens of Qwen2.5-VL for a 448-px image
 *   pair crop plus the rules and the clues so far); clue answers 20–40 tokens, a vote 8 tokens;</li>
 *   <li>overhead: 10 ms a batch (vision preprocessing, scheduling, detokenisation).</li>
 * </ul>
 *
 * @param overheadSeconds         fixed cost of a batch
 * @param promptTokens            tokens prefilled per turn
 * @param prefillSecondsPerToken  prefill cost of one prompt token
 * @param stepBaseSeconds         decode step cost at batch 0 (weights read once a step)
 * @param stepPerSequenceSeconds  decode step cost of each sequence in the batch
 * @param clueTokensMin           shortest clue answer, in tokens
 * @param clueTokensMax           longest clue answer, in tokens
 * @param voteTokens              tokens of one vote
 */
public record GpuLatencyModel(double overheadSeconds, int promptTokens, double prefillSecondsPerToken,
    double stepBaseSeconds, double stepPerSequenceSeconds, int clueTokensMin, int clueTokensMax, int voteTokens) {

  public GpuLatencyModel {
    if (overheadSeconds < 0 || promptTokens < 0 || prefillSecondsPerToken < 0 || stepBaseSeconds < 0
        || stepPerSequenceSeconds < 0 || clueTokensMin < 1 || clueTokensMax < clueTokensMin || voteTokens < 1) {
      throw new IllegalArgumentException("latency model needs costs >= 0 and 1 <= clue tokens min <= max, vote "
          + "tokens >= 1");
    }
  }

  /** A 7B VLM on one H100 with vLLM, as derived in the class comment. */
  public static GpuLatencyModel h100Vlm7B() {
    return new GpuLatencyModel(0.010, 1300, 40e-6, 7.3e-3, 0.06e-3, 20, 40, 8);
  }

  /**
   * Seconds for a batch.
   *
   * @param turns       prompts prefilled
   * @param sequences   sequences decoded together
   * @param decodeSteps steps until the longest sequence is done
   */
  public double batchSeconds(int turns, int sequences, int decodeSteps) {
    if (turns == 0) {
      return 0;
    }
    return overheadSeconds + turns * promptTokens * prefillSecondsPerToken
        + decodeSteps * (stepBaseSeconds + sequences * stepPerSequenceSeconds);
  }

  /** Seconds for {@code turns} clue turns whose longest answer has {@code longestClueTokens} tokens. */
  public double clueSeconds(int turns, int longestClueTokens) {
    return batchSeconds(turns, turns, longestClueTokens);
  }

  /** Seconds for {@code turns} decision turns of {@code samples} votes each. */
  public double decisionSeconds(int turns, int samples) {
    return batchSeconds(turns, turns * samples, voteTokens);
  }

  /** The length of a clue answer, drawn uniformly in [min, max] from the turn's sampling seed. */
  public int clueTokens(long samplingSeed) {
    long mixed = new java.util.SplittableRandom(samplingSeed).nextLong();
    return clueTokensMin + (int) Math.floorMod(mixed, (long) (clueTokensMax - clueTokensMin + 1));
  }
}
