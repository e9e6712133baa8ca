package org.visionzero.policy.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.visionzero.json.Json;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.model.ModelPolicy;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.train.CaptionExampleSource;
import org.visionzero.policy.train.GrpoStep;
import org.visionzero.policy.train.SampleScorer;
import org.visionzero.policy.train.SimulatedGames;

/**
 * Measures the in-JVM policy: clue turns per second and decision turns (observer, G samples) per second at
 * several batch sizes, and the time of one GRPO training step of {@code gamesPerStep} games × (2N clue samples
 * + G decision samples), every weight trained. Turns come from games the model itself plays, so clue turns
 * carry realistic histories.
 */
public final class PolicyBenchmark {
  public static final int PLAYERS = 4;
  public static final int ROUNDS = 2;
  public static final int OBSERVER_SAMPLES = 8;
  public static final float TEMPERATURE = 0.8f;
  private static final float TRAIN_LR = 1e-5f;
  private static final long SEED = 424242L;

  private PolicyBenchmark() {}

  /**
   * @param batchSizes   batch sizes to measure, e.g. 1, 8, 32
   * @param repetitions  timed calls per batch size (after one warm-up call)
   * @param gamesPerStep games per training step (8 in the authors' run)
   * @param trainSteps   timed training steps (after one warm-up step)
   */
  public record Options(List<Integer> batchSizes, int repetitions, int gamesPerStep, int trainSteps) {
    public Options {
      batchSizes = List.copyOf(batchSizes);
      if (batchSizes.isEmpty() || repetitions < 1 || gamesPerStep < 1 || trainSteps < 1) {
        throw new IllegalArgumentException("benchmark needs batch sizes and positive repetitions, games and steps");
      }
    }

    public static Options defaults() {
      return new Options(List.of(1, 8, 32), 5, 8, 3);
    }
  }

  /** Throughput at one batch size. */
  public record Row(int batchSize, double clueTurnsPerSecond, double decisionTurnsPerSecond) {}

  /** All measurements. */
  public record Result(List<Row> rows, double trainStepMillis, int gamesPerStep, int clueSamplesPerStep,
      int decisionSamplesPerStep, String device, long parameters) {

    public String toJson() {
      ObjectNode json = Json.object();
      json.put("device", device);
      json.put("parameters", parameters);
      json.put("observerSamples", OBSERVER_SAMPLES);
      ArrayNode table = json.putArray("rows");
      for (Row r : rows) {
        ObjectNode row = table.addObject();
        row.put("batchSize", r.batchSize());
        row.put("clueTurnsPerSecond", Json.round(r.clueTurnsPerSecond(), 1));
        row.put("decisionTurnsPerSecond", Json.round(r.decisionTurnsPerSecond(), 1));
      }
      ObjectNode step = json.putObject("trainStep");
      step.put("millis", Json.round(trainStepMillis, 1));
      step.put("games", gamesPerStep);
      step.put("clueSamples", clueSamplesPerStep);
      step.put("decisionSamples", decisionSamplesPerStep);
      return Json.write(json);
    }
  }

  public static Result run(VzModel model, CaptionExampleSource source, Options options) {
    ModelPolicy policy = new ModelPolicy(model, false);
    int largest = options.batchSizes().stream().mapToInt(Integer::intValue).max().orElseThrow();
    int games = Math.max(largest, options.gamesPerStep());
    List<SimulatedGames.Game> played = SimulatedGames.playClues(policy, source, SEED, games, PLAYERS, ROUNDS,
        TEMPERATURE);
    List<PolicyTurn> clueTurns = new ArrayList<>();
    List<PolicyTurn> decisionTurns = new ArrayList<>();
    for (SimulatedGames.Game g : played) {
      clueTurns.add(g.clueTurns().get(g.clueTurns().size() - 1).turn()); // the last speaker: longest history
      decisionTurns.add(g.observerTurn(OBSERVER_SAMPLES, TEMPERATURE, g.seed(), false));
    }
    List<Row> rows = new ArrayList<>();
    for (int batch : options.batchSizes()) {
      List<PolicyTurn> clues = clueTurns.subList(0, batch);
      List<PolicyTurn> decisions = decisionTurns.subList(0, batch);
      double clueSeconds = time(() -> policy.clues(clues), options.repetitions());
      double decisionSeconds = time(() -> policy.decisions(decisions), options.repetitions());
      rows.add(new Row(batch, batch / clueSeconds, batch / decisionSeconds));
    }
    List<SimulatedGames.Game> stepGames = played.subList(0, options.gamesPerStep());
    List<GrpoStep.ClueItem> clueItems = new ArrayList<>();
    List<GrpoStep.DecisionItem> decisionItems = new ArrayList<>();
    for (SimulatedGames.Game g : stepGames) {
      for (SimulatedGames.ClueTurn t : g.clueTurns()) {
        clueItems.add(new GrpoStep.ClueItem(new SampleScorer.ClueSample(t.turn(), t.answer().tokenIds()),
            t.answer().logProbs(), 0.5f));
      }
      PolicyTurn observer = g.observerTurn(OBSERVER_SAMPLES, TEMPERATURE, g.seed(), false);
      for (var vote : policy.decisions(List.of(observer)).get(0).samples()) {
        decisionItems.add(new GrpoStep.DecisionItem(new SampleScorer.DecisionSample(observer, vote.tokenIds().get(0)),
            vote.logProbs()[0], vote.seat() == g.spySeat() ? 1f : -1f));
      }
    }
    double stepSeconds;
    try (VzModel trained = model.copy(); VzModel reference = model.copy();
        GrpoStep step = new GrpoStep(trained, reference, n -> true, 0f, 1f)) {
      stepSeconds = time(() -> step.step(clueItems, decisionItems, TRAIN_LR), options.trainSteps());
    }
    return new Result(rows, stepSeconds * 1000, options.gamesPerStep(), clueItems.size(), decisionItems.size(),
        model.device().toString(), model.parameters().count());
  }

  /** Mean seconds per call after one warm-up call. */
  private static double time(Runnable call, int repetitions) {
    call.run();
    long start = System.nanoTime();
    for (int i = 0; i < repetitions; i++) {
      call.run();
    }
    return (System.nanoTime() - start) / 1e9 / repetitions;
  }
}
