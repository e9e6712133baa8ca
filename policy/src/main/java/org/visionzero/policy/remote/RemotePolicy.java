package org.visionzero.policy.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.TurnKind;
import org.visionzero.game.text.ClueParser;
import org.visionzero.game.text.ParsedClue;
import org.visionzero.game.text.ParsedVote;
import org.visionzero.game.text.VoteParser;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.TurnResult;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.Vote;

/**
 * One version of a policy played by an OpenAI-compatible server: every turn of a batch is one chat completion,
 * all in flight together (within the client's window). Answers are stamped with this version; their tokens and
 * log-probabilities are those the server sampled (its own ids with {@code return_tokens_as_token_ids}, else its
 * text mapped onto {@link Vocabulary}). A turn without a usable answer fails alone, with the reason.
 */
public final class RemotePolicy implements Policy {
  private static final Pattern EMPTY_BOX = Pattern.compile("\\s*\\\\boxed\\{\\s*}\\s*");

  private final ChatClient client;
  private final RemoteSettings settings;
  private final PolicyRef ref;
  private final Vocabulary vocabulary;

  public RemotePolicy(ChatClient client, RemoteSettings settings, PolicyRef ref, Vocabulary vocabulary) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ref = Objects.requireNonNull(ref, "ref");
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
  }

  @Override
  public PolicyRef ref() {
    return ref;
  }

  /** The {@code model} this version's requests name. */
  public String model() {
    return settings.modelFor(ref);
  }

  @Override
  public List<ClueAnswer> clues(List<PolicyTurn> turns) {
    return unwrap(tryClues(turns));
  }

  @Override
  public List<DecisionAnswer> decisions(List<PolicyTurn> turns) {
    return unwrap(tryDecisions(turns));
  }

  @Override
  public List<TurnResult<ClueAnswer>> tryClues(List<PolicyTurn> turns) {
    return play(turns, TurnKind.CLUE, this::clueOf);
  }

  @Override
  public List<TurnResult<DecisionAnswer>> tryDecisions(List<PolicyTurn> turns) {
    return play(turns, TurnKind.DECISION, this::decisionOf);
  }

  private <T> List<TurnResult<T>> play(List<PolicyTurn> turns, TurnKind kind,
      BiFunction<PolicyTurn, ChatCompletion, T> answerOf) {
    List<CompletableFuture<ChatCompletion>> calls = new ArrayList<>(turns.size());
    for (PolicyTurn turn : turns) {
      if (turn.view().kind() != kind) {
        throw new IllegalArgumentException("turn " + turn.view().gameId() + "/" + turn.view().turn() + " is a "
            + turn.view().kind() + " turn, but was passed as " + kind);
      }
      try {
        calls.add(client.complete(ChatWire.request(turn, model(), settings.maxTokens(), settings.tokenIds())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        calls.add(CompletableFuture.failedFuture(new RemoteCallException("interrupted before sending", false)));
      }
    }
    List<TurnResult<T>> results = new ArrayList<>(turns.size());
    for (int i = 0; i < turns.size(); i++) {
      results.add(outcome(turns.get(i), calls.get(i), answerOf));
    }
    return results;
  }

  private <T> TurnResult<T> outcome(PolicyTurn turn, CompletableFuture<ChatCompletion> call,
      BiFunction<PolicyTurn, ChatCompletion, T> answerOf) {
    try {
      return TurnResult.answered(answerOf.apply(turn, call.get()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TurnResult.failed("remote " + model() + ": interrupted while waiting for the answer");
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return TurnResult.failed("remote " + model() + ": " + cause.getMessage());
    } catch (RuntimeException e) {
      return TurnResult.failed("remote " + model() + ": " + e.getMessage());
    }
  }

  private ClueAnswer clueOf(PolicyTurn turn, ChatCompletion completion) {
    ChatCompletion.Choice choice = completion.choices().get(0);
    ParsedClue parsed = ClueParser.parse(choice.content());
    // An empty box is an empty clue (the model ended at once), as the in-JVM model's own empty clue reads.
    String text = !parsed.valid() && EMPTY_BOX.matcher(choice.content()).matches() ? "" : parsed.clue();
    return new ClueAnswer(text, ids(choice), logProbs(choice), ref);
  }

  private DecisionAnswer decisionOf(PolicyTurn turn, ChatCompletion completion) {
    int wanted = turn.view().samples();
    if (completion.choices().size() != wanted) {
      throw new RemoteCallException("asked for n=" + wanted + " choices, got " + completion.choices().size(), false);
    }
    VoteParser parser = new VoteParser(turn.view().numPlayers(), VoteParser.DEFAULT_MIN_REASONING_CHARS);
    List<Vote> votes = new ArrayList<>(wanted);
    for (ChatCompletion.Choice choice : completion.choices()) {
      ParsedVote vote = parser.parse(choice.content());
      votes.add(new Vote(vote.kind(), vote.seat(), choice.content(), ids(choice), logProbs(choice)));
    }
    return new DecisionAnswer(votes, ref);
  }

  private List<Integer> ids(ChatCompletion.Choice choice) {
    return choice.tokens().stream().map(t -> TokenText.idOf(t.token(), vocabulary)).toList();
  }

  private static float[] logProbs(ChatCompletion.Choice choice) {
    float[] lps = new float[choice.tokens().size()];
    for (int i = 0; i < lps.length; i++) {
      lps[i] = choice.tokens().get(i).logProb();
    }
    return lps;
  }

  private static <T> List<T> unwrap(List<TurnResult<T>> results) {
    List<T> answers = new ArrayList<>(results.size());
    for (TurnResult<T> result : results) {
      if (!result.ok()) {
        throw new RemoteCallException(result.failure(), false);
      }
      answers.add(result.answer());
    }
    return answers;
  }

  @Override
  public String toString() {
    return "RemotePolicy[" + model() + " at " + settings.baseUrl() + "]";
  }
}
