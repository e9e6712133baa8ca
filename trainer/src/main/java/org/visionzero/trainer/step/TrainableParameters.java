package org.visionzero.trainer.step;

import java.util.List;
import java.util.function.Predicate;
import org.visionzero.events.Phase;
import org.visionzero.policy.model.ParameterSet;

/**
 * Which parameters each Iterative-SPO phase trains, as parameter-name prefixes of the model's parts
 * ({@code encoder.}, {@code decoder.}, {@code decision.}, or a more specific name within one). The listener's frozen
 * copy ({@code listener.}) is no part: nothing trains it.
 *
 * <p>The default trains the speaker, the whole clue decoder (its echo logits included), in CLUE steps and the
 * decision head in DECISION steps, and keeps the image encoder at v0. The decision head reads the encoder's features
 * and the listener's clue fit, and the listener reads the encoder too: a CLUE step that moved the encoder would move
 * the judge. Before the listener was separate, the decoder had to stay frozen as well (with it trained, a 30-minute
 * run's decision accuracy on v0's clues swung between 0.59 and 0.98, with N/A spikes up to 0.35): {@link #echoOnly}
 * is that setting.
 *
 * @param cluePrefixes     prefixes trained in CLUE steps
 * @param decisionPrefixes prefixes trained in DECISION steps
 */
public record TrainableParameters(List<String> cluePrefixes, List<String> decisionPrefixes) {
  /** The model's parts; every prefix must lie within one. */
  public static final List<String> PARTS = List.of("encoder.", "decoder.", "decision.");

  public TrainableParameters {
    cluePrefixes = validated("clue", cluePrefixes);
    decisionPrefixes = validated("decision", decisionPrefixes);
  }

  /**
   * The clue decoder (the speaker) in CLUE steps, the decision head in DECISION steps, the encoder frozen
   * ({@code clue.trainable=decoder.}; not the trainer's default yet, see {@link #echoOnly}).
   */
  public static TrainableParameters speaker() {
    return new TrainableParameters(List.of(ParameterSet.DECODER), List.of(ParameterSet.DECISION));
  }

  /** The trainer's default: only the echo logits in CLUE steps (a frozen speaker), the decision head in DECISION. */
  public static TrainableParameters echoOnly() {
    return new TrainableParameters(List.of(ParameterSet.ECHO_LOGITS), List.of(ParameterSet.DECISION));
  }

  /** Every parameter in both phases. */
  public static TrainableParameters all() {
    return new TrainableParameters(PARTS, PARTS);
  }

  /**
   * Whether a phase trains clue-decoder weights beyond the echo logits (the speaker's words): only then must the
   * judge get a frozen copy of them (the listener), which makes every checkpoint about 8 MB larger.
   */
  public boolean trainsSpeaker() {
    return java.util.stream.Stream.concat(cluePrefixes.stream(), decisionPrefixes.stream())
        .anyMatch(p -> ParameterSet.DECODER.startsWith(p)
            || (p.startsWith(ParameterSet.DECODER) && !ParameterSet.ECHO_LOGITS.startsWith(p)));
  }

  /** Whether parameter {@code name} is trained in {@code phase}. */
  public Predicate<String> of(Phase phase) {
    List<String> prefixes = phase == Phase.DECISION ? decisionPrefixes : cluePrefixes;
    return name -> prefixes.stream().anyMatch(name::startsWith);
  }

  private static List<String> validated(String phase, List<String> prefixes) {
    if (prefixes == null || prefixes.isEmpty()) {
      throw new IllegalArgumentException("the " + phase + " phase must train at least one part, one of " + PARTS);
    }
    for (String p : prefixes) {
      if (PARTS.stream().noneMatch(p::startsWith)) {
        throw new IllegalArgumentException("'" + p + "' is not a parameter prefix of the model: the " + phase
            + " phase's prefixes must start with one of " + PARTS);
      }
    }
    return List.copyOf(prefixes);
  }
}
