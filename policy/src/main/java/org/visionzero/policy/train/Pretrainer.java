package org.visionzero.policy.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.game.rules.SpyHints;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.VisibleClue;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.ModelPolicy;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.runtime.Devices;
import org.visionzero.process.ProcessUsage;

/**
 * Builds the base model (version 0): supervised captioning on rendered pairs, labels from the scene graph.
 * Each example is one seat's view: the original image as a civilian or the modified one as the spy, with an
 * empty or a random earlier-clue history (so the decoder learns to describe its own image whatever was said
 * before), and its target is its own image's caption. The decision head is not trained.
 */
public final class Pretrainer {
  /** Held-out pairs use seeds from here up; training seeds stay far below. */
  public static final long HELD_OUT_SEED_BASE = 1L << 40;
  /** Seed offset of held-out games (disjoint from held-out caption pairs). */
  public static final long HELD_OUT_GAME_SEED_BASE = HELD_OUT_SEED_BASE + (1L << 30);
  public static final int PLAYERS = 4;
  public static final int ROUNDS = 2;
  public static final int OBSERVER_SAMPLES = 8;
  public static final float GAME_TEMPERATURE = 0.8f;
  private static final float WEIGHT_DECAY = 1e-4f;
  private static final float CLIP_NORM = 1.0f;
  private static final float FINAL_LR_SHARE = 0.1f;
  private static final double HISTORY_PROBABILITY = 0.5;
  private static final double HISTORY_FROM_ORIGINAL = 0.75;
  private static final int LOSS_WINDOW = 20;
  /** Pairs rendered before the first step; the background renderer adds the rest. */
  private static final int INITIAL_POOL = 256;
  private static final int FRESH_PAIRS_PER_STEP = 8;
  /** Spreads the training seeds of different run seeds apart (all stay below the held-out range). */
  private static final long TRAINING_SEED_STRIDE = 1_000_003L;
  private static final int EVAL_BATCH = 64;
  private static final PolicyRef CURRENT = new PolicyRef(VzModel.POLICY_NAME, -1);

  private Pretrainer() {}

  /** Summary of the training loop. */
  public record TrainingSummary(long steps, Duration time, double finalLoss, long skippedSteps, double cpuCoresUsed) {}

  /** The whole run: fresh model, training, held-out evaluation, checkpoint. */
  public static PretrainResult run(PretrainOptions options, CaptionExampleSource source, ProgressListener listener) {
    Vocabulary vocabulary = Vocabulary.standard();
    ModelConfig config = ModelConfig.standard(vocabulary.size());
    try (VzModel model = VzModel.create(config, vocabulary, options.seed(), Devices.choose(options.device()))) {
      TrainingSummary summary = train(model, options, source, listener);
      double tokenAccuracy = captionAccuracy(model, source, HELD_OUT_SEED_BASE, options.heldOutPairs());
      ModelPolicy policy = new ModelPolicy(model, false);
      List<SimulatedGames.Game> games = SimulatedGames.playClues(policy, source, HELD_OUT_GAME_SEED_BASE,
          options.heldOutGames(), PLAYERS, ROUNDS, GAME_TEMPERATURE);
      double decision = SimulatedGames.decisionAccuracy(policy, games, OBSERVER_SAMPLES, GAME_TEMPERATURE, false,
          EVAL_BATCH);
      double noImage = SimulatedGames.decisionAccuracy(policy, games, OBSERVER_SAMPLES, GAME_TEMPERATURE, true,
          EVAL_BATCH);
      String sha = "";
      if (options.checkpoint() != null) {
        byte[] bytes = Checkpoints.save(model);
        sha = Checkpoints.sha256(bytes);
        write(options.checkpoint(), bytes);
      }
      return new PretrainResult(summary.steps(), summary.time(), summary.finalLoss(), tokenAccuracy, decision, noImage,
          model.parameters().count(), sha, summary.cpuCoresUsed());
    }
  }

  private static void write(Path path, byte[] bytes) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Trains the encoder and clue decoder of {@code model} in place; the decision head and the echo logits stay as
   * they are.
   */
  public static TrainingSummary train(VzModel model, PretrainOptions options, CaptionExampleSource source,
      ProgressListener listener) {
    ParameterSet parameters = model.parameters();
    // Captions teach the decoder to describe; when to echo instead is left at its prior for self-play to learn.
    Predicate<String> captioning =
        n -> !n.startsWith(ParameterSet.DECISION) && !n.equals(ParameterSet.ECHO_LOGITS);
    List<String> trainable = parameters.names(captioning);
    parameters.setTrainable(captioning);
    SplittableRandom random = new SplittableRandom(options.seed());
    long budgetNanos = options.timeBudget().toNanos();
    long start = System.nanoTime();
    long cpuAtStart = ProcessUsage.cpuNanos();
    double[] recent = new double[LOSS_WINDOW];
    ExamplePool pool = new ExamplePool(source, model.config().imageSize(), Math.min(INITIAL_POOL, options.poolSize()),
        options.poolSize(), Math.floorMod(options.seed() * TRAINING_SEED_STRIDE, HELD_OUT_SEED_BASE / 2));
    long step = 0;
    long skipped = 0;
    double done = 0;
    try (pool; AdamW optimizer = new AdamW(model.newStepManager(), WEIGHT_DECAY, CLIP_NORM)) {
      while (step < options.maxSteps() && System.nanoTime() - start < budgetNanos) {
        pool.refresh(FRESH_PAIRS_PER_STEP);
        List<SampleScorer.ClueSample> batch = new ArrayList<>(options.batchSize());
        for (int i = 0; i < options.batchSize(); i++) {
          batch.add(example(model, pool.get(random.nextInt(pool.size())), random, options.partialCaptions()));
        }
        float loss = captionLoss(model, batch);
        done = Math.max((double) (step + 1) / options.maxSteps(), (double) (System.nanoTime() - start) / budgetNanos);
        float lr = (float) (options.learningRate()
            * (FINAL_LR_SHARE + (1 - FINAL_LR_SHARE) * 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, done)))));
        double norm = optimizer.step(parameters, trainable, lr);
        if (!Double.isFinite(norm)) {
          skipped++; // AdamW left the weights alone; the summary reports how often
        }
        recent[(int) (step % LOSS_WINDOW)] = loss;
        step++;
        listener.onProgress(Math.min(1.0, done), step, loss, Duration.ofNanos(System.nanoTime() - start));
      }
    } finally {
      parameters.setTrainable(n -> true);
    }
    Duration time = Duration.ofNanos(System.nanoTime() - start);
    listener.onProgress(1.0, step, mean(recent, step), time);
    return new TrainingSummary(step, time, mean(recent, step), skipped,
        ProcessUsage.coresUsed(cpuAtStart, ProcessUsage.cpuNanos(), time.toNanos()));
  }

  /**
   * The caption loss of a batch (mean negative log-prob of its target tokens), back-propagated into the gradients
   * of the trainable parameters; the optimiser step is the caller's.
   */
  static float captionLoss(VzModel model, List<SampleScorer.ClueSample> batch) {
    try (NDManager m = model.newStepManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      SampleScorer.TokenLogProbs lp = SampleScorer.captionLogProbs(model, m, batch);
      NDArray loss = lp.logProbs().sum().div(lp.mask().sum()).neg();
      collector.backward(loss);
      return loss.getFloat();
    }
  }

  private static double mean(double[] window, long steps) {
    int n = (int) Math.min(steps, window.length);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += window[i];
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** One training example: a seat's view of the pair and its own image's caption as the target. */
  static SampleScorer.ClueSample example(VzModel model, CaptionExample pair, SplittableRandom random,
      double partialCaptions) {
    Vocabulary vocabulary = model.vocabulary();
    boolean spy = random.nextBoolean();
    List<VisibleClue> history = new ArrayList<>();
    if (random.nextDouble() < HISTORY_PROBABILITY) {
      int count = 1 + random.nextInt(PLAYERS * ROUNDS - 1);
      for (int k = 0; k < count; k++) {
        boolean fromOriginal = random.nextDouble() < HISTORY_FROM_ORIGINAL;
        List<Integer> ids = captionTokens(vocabulary, pair.facts().captionWords(!fromOriginal), model.config());
        history.add(new VisibleClue(1 + k % PLAYERS, 1 + k / PLAYERS, vocabulary.decode(ids), ids));
      }
    }
    int seat = 1 + history.size() % PLAYERS;
    int round = 1 + history.size() / PLAYERS;
    TurnView view = new TurnView("pretrain", history.size(), 1, TurnKind.CLUE, seat, round,
        spy ? Role.SPY : Role.CIVILIAN, PLAYERS, null, SpyHints.SCENES, history, List.of(), 1, 1f, 0L,
        CURRENT);
    List<String> words = pair.facts().captionWords(spy);
    // Drawn only when partial captions are on, so that the default run's random sequence stays as it was.
    if (partialCaptions > 0 && words.size() > 2 && random.nextDouble() < partialCaptions) {
      int objects = words.size() / 2;
      words = words.subList(0, 2 * (1 + random.nextInt(objects - 1)));
    }
    List<Integer> target = captionTokens(vocabulary, words, model.config());
    return new SampleScorer.ClueSample(new PolicyTurn(view, spy ? pair.modified() : pair.original(), null), target);
  }

  /** Caption word ids, cut to fit, then the end token. */
  static List<Integer> captionTokens(Vocabulary vocabulary, List<String> words, ModelConfig config) {
    List<Integer> ids = new ArrayList<>();
    for (String w : words) {
      if (ids.size() == config.maxClueTokens() - 1) {
        break;
      }
      ids.add(vocabulary.id(w));
    }
    ids.add(Vocabulary.EOS_ID);
    return ids;
  }

  /**
   * Greedy captions of {@code pairs} held-out pairs (half original as a civilian, half modified as the spy,
   * no history): the share of target tokens, end token included, that the caption matches at their position.
   */
  public static double captionAccuracy(VzModel model, CaptionExampleSource source, long firstSeed, int pairs) {
    ModelPolicy policy = new ModelPolicy(model, false);
    long matched = 0;
    long total = 0;
    for (int from = 0; from < pairs; from += EVAL_BATCH) {
      int n = Math.min(EVAL_BATCH, pairs - from);
      List<PolicyTurn> turns = new ArrayList<>(n);
      List<List<Integer>> targets = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int index = from + i;
        CaptionExample pair = source.next(firstSeed + index);
        boolean spy = index % 2 == 1;
        TurnView view = new TurnView("eval", 0, 1, TurnKind.CLUE, 1, 1, spy ? Role.SPY : Role.CIVILIAN, PLAYERS,
            null, SpyHints.SCENES, List.of(), List.of(), 1, 0f, index, CURRENT);
        turns.add(new PolicyTurn(view, spy ? pair.modified() : pair.original(), null));
        targets.add(captionTokens(model.vocabulary(), pair.facts().captionWords(spy), model.config()));
      }
      List<ClueAnswer> answers = policy.clues(turns);
      for (int i = 0; i < n; i++) {
        List<Integer> target = targets.get(i);
        List<Integer> got = answers.get(i).tokenIds();
        for (int t = 0; t < target.size(); t++) {
          if (t < got.size() && got.get(t).equals(target.get(t))) {
            matched++;
          }
        }
        total += target.size();
      }
    }
    return total == 0 ? 0 : (double) matched / total;
  }
}
