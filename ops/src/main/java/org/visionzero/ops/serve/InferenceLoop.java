package org.visionzero.ops.serve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.events.TurnKind;
import org.visionzero.events.VoteKind;
import org.visionzero.game.view.TurnView;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.Vote;
import org.visionzero.policy.model.ModelPolicy;
import org.visionzero.workers.policy.PolicyLoadException;

/**
 * The one thread that runs the model for vz serve: HTTP threads queue requests (a bounded queue: when it is
 * full the server answers 503, and clients back off); the loop takes micro-batches of up to B requests or T ms,
 * (requests keep joining a batch while each arrives within T of the last, for at most 10 T), swaps in new
 * checkpoint versions between batches, and makes one model call per version and kind of turn, as a
 * worker does. A clue request with {@code n > 1} is played as n turns seeded {@code seed, seed+1, ...}.
 */
public final class InferenceLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(InferenceLoop.class);
  private static final long IDLE_POLL_MS = 100;
  /** The longest a batch keeps filling, in gaps of batchWait. */
  private static final int MAX_WAITS = 10;

  private final ServedModels models;
  private final BlockingQueue<Job> queue;
  private final int batchMax;
  private final Duration batchWait;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;

  private record Job(ServedRequest request, CompletableFuture<ServedAnswer> result) {}

  public InferenceLoop(ServedModels models, int queueCapacity, int batchMax, Duration batchWait) {
    this.models = models;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.batchMax = batchMax;
    this.batchWait = batchWait;
  }

  /** Queues a request; fails at once with a 503 when the queue is full (the server is saturated). */
  public CompletableFuture<ServedAnswer> submit(ServedRequest request) {
    CompletableFuture<ServedAnswer> result = new CompletableFuture<>();
    if (!running || !queue.offer(new Job(request, result))) {
      result.completeExceptionally(new BadChatRequestException(503, "server_busy",
          "vz serve has " + queue.size() + " requests queued; retry later"));
    }
    return result;
  }

  public int queued() {
    return queue.size();
  }

  @Override
  public void run() {
    try {
      while (running) {
        Job first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
        models.refresh();
        if (first == null) {
          continue;
        }
        List<Job> batch = new ArrayList<>(List.of(first));
        // A worker sends its batch's turns together, but they arrive one HTTP request at a time: keep taking
        // requests while they keep coming (each within batchWait of the last), up to B or MAX_WAITS gaps.
        long deadline = System.nanoTime() + MAX_WAITS * batchWait.toNanos();
        while (batch.size() < batchMax) {
          long left = deadline - System.nanoTime();
          Job next = left <= 0 ? queue.poll() : queue.poll(Math.min(left, batchWait.toNanos()), TimeUnit.NANOSECONDS);
          if (next == null) {
            break;
          }
          batch.add(next);
          queue.drainTo(batch, batchMax - batch.size());
        }
        play(batch);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      List<Job> left = new ArrayList<>();
      queue.drainTo(left);
      left.forEach(j -> j.result().completeExceptionally(
          new BadChatRequestException(503, "server_stopping", "vz serve is stopping")));
      stopped.countDown();
    }
  }

  private void play(List<Job> batch) {
    Map<Policy, Map<TurnKind, List<Job>>> groups = new IdentityHashMap<>();
    for (Job job : batch) {
      try {
        Policy policy = models.resolve(job.request().model());
        groups.computeIfAbsent(policy, p -> new LinkedHashMap<>())
            .computeIfAbsent(job.request().turn().view().kind(), k -> new ArrayList<>()).add(job);
      } catch (PolicyLoadException | RuntimeException e) {
        job.result().completeExceptionally(new BadChatRequestException(404, "model_not_found",
            "model '" + ModelName.of(job.request().model()) + "' is not served here: " + e.getMessage()));
      }
    }
    groups.forEach((policy, byKind) -> byKind.forEach((kind, jobs) -> {
      try {
        if (kind == TurnKind.CLUE) {
          clues(policy, jobs);
        } else {
          decisions(policy, jobs);
        }
      } catch (RuntimeException e) {
        LOG.warn("model call failed for {} {} requests: {}", jobs.size(), kind, e.toString());
        jobs.forEach(j -> j.result().completeExceptionally(e));
      }
    }));
  }

  private void clues(Policy policy, List<Job> jobs) {
    List<PolicyTurn> turns = new ArrayList<>();
    for (Job job : jobs) {
      PolicyTurn turn = job.request().turn();
      for (int i = 0; i < job.request().n(); i++) {
        turns.add(i == 0 ? turn : reseeded(turn, turn.view().samplingSeed() + i));
      }
    }
    List<ClueAnswer> answers = policy.clues(turns);
    Vocabulary vocabulary = vocabularyOf(policy);
    int at = 0;
    for (Job job : jobs) {
      List<ServedAnswer.Sample> samples = new ArrayList<>();
      for (int i = 0; i < job.request().n(); i++) {
        samples.add(clueSample(answers.get(at++), vocabulary));
      }
      job.result().complete(new ServedAnswer(policy.ref(), samples));
    }
  }

  private void decisions(Policy policy, List<Job> jobs) {
    List<DecisionAnswer> answers = policy.decisions(jobs.stream().map(j -> j.request().turn()).toList());
    for (int i = 0; i < jobs.size(); i++) {
      List<ServedAnswer.Sample> samples = answers.get(i).samples().stream().map(InferenceLoop::voteSample).toList();
      jobs.get(i).result().complete(new ServedAnswer(policy.ref(), samples));
    }
  }

  static ServedAnswer.Sample clueSample(ClueAnswer answer, Vocabulary vocabulary) {
    List<Integer> ids = answer.tokenIds();
    List<String> texts = ids.stream().map(vocabulary::word).toList();
    boolean ended = !ids.isEmpty() && ids.get(ids.size() - 1) == Vocabulary.EOS_ID;
    return new ServedAnswer.Sample("\\boxed{" + answer.text() + "}", ids, texts, answer.logProbs(),
        ended ? "stop" : "length");
  }

  static ServedAnswer.Sample voteSample(Vote vote) {
    String answer = vote.kind() == VoteKind.SEAT ? Integer.toString(vote.seat()) : vote.text();
    return new ServedAnswer.Sample("\\boxed{" + answer + "}", vote.tokenIds(),
        vote.tokenIds().stream().map(id -> vote.text()).toList(), vote.logProbs(), "stop");
  }

  private static Vocabulary vocabularyOf(Policy policy) {
    return policy instanceof ModelPolicy model ? model.model().vocabulary() : Vocabulary.standard();
  }

  private static PolicyTurn reseeded(PolicyTurn turn, long seed) {
    TurnView v = turn.view();
    TurnView view = new TurnView(v.gameId(), v.turn(), v.attempt(), v.kind(), v.seat(), v.round(), v.role(),
        v.numPlayers(), v.image(), v.spyHint(), v.history(), v.ownReasoning(), v.samples(), v.temperature(), seed,
        v.policy());
    return new PolicyTurn(view, turn.image(), turn.facts());
  }

  /** Stops taking batches; queued requests fail with 503. */
  public void stop(Duration timeout) throws InterruptedException {
    running = false;
    stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
