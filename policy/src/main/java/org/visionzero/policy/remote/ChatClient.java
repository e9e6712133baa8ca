package org.visionzero.policy.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends chat completions asynchronously (the JDK's HttpClient) with at most {@code maxInFlight} in flight:
 * {@link #complete} blocks the caller while the window is full, which is the back-pressure a worker's consumer
 * feels when the server is slow. Each request has a timeout; retryable failures (connection errors, timeouts,
 * 408/429/5xx, 404 while a server loads a new version, malformed JSON) are retried with exponential backoff and
 * full jitter; a circuit breaker stops calling a server that keeps failing. Thread-safe.
 */
public final class ChatClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChatClient.class);
  private static final int MAX_ERROR_BODY_CHARS = 300;

  private final RemoteSettings settings;
  private final HttpClient http;
  private final Semaphore window;
  private final Backoff backoff;
  private final CircuitBreaker breaker;

  public ChatClient(RemoteSettings settings) {
    this(settings, new CircuitBreaker(settings.breakerFailures(), settings.breakerOpenFor(), System::nanoTime));
  }

  ChatClient(RemoteSettings settings, CircuitBreaker breaker) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.requestTimeout()).build();
    this.window = new Semaphore(settings.maxInFlight());
    this.backoff = new Backoff(settings.backoffBase(), settings.backoffMax(),
        () -> ThreadLocalRandom.current().nextDouble());
    this.breaker = breaker;
  }

  public CircuitBreaker breaker() {
    return breaker;
  }

  /** Requests in flight now. */
  public int inFlight() {
    return settings.maxInFlight() - window.availablePermits();
  }

  /**
   * Sends one request once a place in the window is free (blocking until then); the future fails with a
   * {@link RemoteCallException} saying why when no attempt gave a usable answer.
   */
  public CompletableFuture<ChatCompletion> complete(ObjectNode request) throws InterruptedException {
    byte[] body = ChatWire.bytes(request);
    window.acquire();
    CompletableFuture<ChatCompletion> result = attempt(body, 1);
    result.whenComplete((ok, error) -> window.release());
    return result;
  }

  private CompletableFuture<ChatCompletion> attempt(byte[] body, int attempt) {
    if (!breaker.tryAcquire()) {
      return CompletableFuture.failedFuture(new RemoteCallException("circuit breaker open after "
          + breaker.consecutiveFailures() + " consecutive failures of " + settings.baseUrl()
          + "; calls resume with one trial after " + settings.breakerOpenFor(), false));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(settings.completionsUri())
        .timeout(settings.requestTimeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (!settings.apiKey().isEmpty()) {
      request.header("Authorization", "Bearer " + settings.apiKey());
    }
    CompletableFuture<ChatCompletion> sent;
    try {
      sent = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
          .thenApply(ChatClient::read);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return sent.handle((completion, error) -> {
      if (error == null) {
        breaker.recordSuccess();
        return CompletableFuture.completedFuture(completion);
      }
      RemoteCallException failure = classify(error);
      if (failure.retryable()) {
        breaker.recordFailure();
      } else {
        breaker.recordNeutral();
      }
      if (!failure.retryable() || attempt >= settings.maxAttempts()) {
        String tried = attempt == 1 ? "" : " (after " + attempt + " attempts)";
        return CompletableFuture.<ChatCompletion>failedFuture(
            new RemoteCallException(failure.getMessage() + tried, failure.retryable(), failure));
      }
      Duration wait = backoff.delay(attempt);
      LOG.warn("chat completion attempt {} of {} failed ({}); retrying in {} ms", attempt, settings.maxAttempts(),
          failure.getMessage(), wait.toMillis());
      return CompletableFuture.supplyAsync(() -> body,
              CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
          .thenCompose(b -> attempt(b, attempt + 1));
    }).thenCompose(f -> f);
  }

  private static ChatCompletion read(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 200) {
      return ChatWire.parse(response.body());
    }
    String body = response.body() == null ? "" : response.body();
    String excerpt = body.length() > MAX_ERROR_BODY_CHARS ? body.substring(0, MAX_ERROR_BODY_CHARS) + "…" : body;
    boolean retryable = status == 404 || status == 408 || status == 429 || status >= 500;
    throw new RemoteCallException("HTTP " + status + " from the server: " + excerpt, retryable);
  }

  private RemoteCallException classify(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof RemoteCallException remote) {
      return remote;
    }
    if (cause instanceof HttpTimeoutException) {
      return new RemoteCallException("no complete answer within " + settings.requestTimeout(), true, cause);
    }
    if (cause instanceof IOException) {
      return new RemoteCallException("connection to " + settings.baseUrl() + " failed: " + cause, true, cause);
    }
    return new RemoteCallException("the request failed: " + cause, false, cause);
  }

  @Override
  public void close() {
    // The JDK 17 HttpClient has no close(); its threads end when it is unreachable.
  }
}
