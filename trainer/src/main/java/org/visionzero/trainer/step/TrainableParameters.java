package org.visionzero.trainer.step;

import java.util.List;
import java.util.function.Predicate;
import org.visionzero.events.Phase;
import org.visionzero.policy.model.ParameterSet;

/**
 * Which parameters each Iterative-SPO phase trains, as parameter-name prefixes of the model's parts
 * ({@code encoder.}, {@code decoder.}, {@code decision.}, or a more specific name within one).
 *
 * <p>The default trains the echo logits (when each role repeats the latest clue of another seat) in CLUE steps and
 * the decision head in DECISION steps, and keeps the image encoder and the clue decoder at v0. Both stages read the
 * encoder's features, and the decision head reads the decoder's clue fit: a step of one stage that moved them would
 * undo the other stage's learning (the observer of LEARNING-NOTES.md learnt on frozen encoder features; with the
 * decoder trained too, a 30-minute run's decision accuracy on v0's clues swung between 0.59 and 0.98, with N/A
 * spikes up to 0.35, while its spy learnt to echo).
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

  /** Echo logits in CLUE steps, decision head in DECISION steps, encoder and decoder frozen. */
  public static TrainableParameters defaults() {
    return new TrainableParameters(List.of(ParameterSet.ECHO_LOGITS), List.of("decision."));
  }

  /** Every parameter in both phases. */
  public static TrainableParameters all() {
    return new TrainableParameters(PARTS, PARTS);
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
