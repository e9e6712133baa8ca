package org.visionzero.policy.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.visionzero.events.PolicyRef;

/**
 * How to reach an OpenAI-compatible server. The API key is held here but never printed: {@link #toString}
 * redacts it, and no error message carries it.
 *
 * @param baseUrl        e.g. {@code http://127.0.0.1:8000/v1} (requests go to {@code baseUrl/chat/completions})
 * @param apiKey         sent as {@code Authorization: Bearer}; empty for a server without keys
 * @param modelTemplate  the {@code model} of each request: {@code {policy}} and {@code {version}} are replaced by
 *                       the version the turn must be played by (vz serve: {@code {policy}-v{version}}); a name
 *                       without them (e.g. {@code Qwen/Qwen2.5-VL-7B-Instruct}) asks every version of one model
 * @param maxInFlight    requests in flight at once per worker (the bounded window)
 * @param requestTimeout one request's limit, from sending to the whole response
 * @param maxAttempts    attempts per turn, the first included
 * @param backoffBase    ceiling of the first retry's wait (doubles per retry, full jitter)
 * @param backoffMax     the largest ceiling
 * @param breakerFailures consecutive failures that open the circuit breaker
 * @param breakerOpenFor how long an open breaker refuses calls before one trial
 * @param maxTokens      {@code max_tokens} of each request
 * @param tokenIds       ask for {@code return_tokens_as_token_ids} (vLLM, vz serve): trajectories then carry the
 *                       server's own token ids
 */
public record RemoteSettings(URI baseUrl, String apiKey, String modelTemplate, int maxInFlight,
    Duration requestTimeout, int maxAttempts, Duration backoffBase, Duration backoffMax, int breakerFailures,
    Duration breakerOpenFor, int maxTokens, boolean tokenIds) {

  public static final String DEFAULT_MODEL_TEMPLATE = "{policy}-v{version}";

  public RemoteSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    apiKey = apiKey == null ? "" : apiKey;
    Objects.requireNonNull(modelTemplate, "modelTemplate");
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("the base URL must be http or https, was " + baseUrl);
    }
    if (maxInFlight < 1 || maxAttempts < 1 || breakerFailures < 1 || maxTokens < 1) {
      throw new IllegalArgumentException("max in flight, attempts, breaker failures and max tokens must be >= 1");
    }
  }

  /** Defaults for a server at {@code baseUrl}: 16 in flight, 30 s per request, 4 attempts, 0.2 s..5 s backoff. */
  public static RemoteSettings defaults(URI baseUrl, String apiKey) {
    return new RemoteSettings(baseUrl, apiKey, DEFAULT_MODEL_TEMPLATE, 16, Duration.ofSeconds(30), 4,
        Duration.ofMillis(200), Duration.ofSeconds(5), 5, Duration.ofSeconds(10), 64, true);
  }

  /** The {@code model} a request for version {@code ref} names. */
  public String modelFor(PolicyRef ref) {
    return modelTemplate.replace("{policy}", ref.getName()).replace("{version}", Integer.toString(ref.getVersion()));
  }

  public URI completionsUri() {
    String base = baseUrl.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
  }

  public RemoteSettings withModelTemplate(String template) {
    return new RemoteSettings(baseUrl, apiKey, template, maxInFlight, requestTimeout, maxAttempts, backoffBase,
        backoffMax, breakerFailures, breakerOpenFor, maxTokens, tokenIds);
  }

  public RemoteSettings withRetries(int attempts, Duration base, Duration max) {
    return new RemoteSettings(baseUrl, apiKey, modelTemplate, maxInFlight, requestTimeout, attempts, base, max,
        breakerFailures, breakerOpenFor, maxTokens, tokenIds);
  }

  public RemoteSettings withTimeout(Duration timeout) {
    return new RemoteSettings(baseUrl, apiKey, modelTemplate, maxInFlight, timeout, maxAttempts, backoffBase,
        backoffMax, breakerFailures, breakerOpenFor, maxTokens, tokenIds);
  }

  public RemoteSettings withBreaker(int failures, Duration openFor) {
    return new RemoteSettings(baseUrl, apiKey, modelTemplate, maxInFlight, requestTimeout, maxAttempts, backoffBase,
        backoffMax, failures, openFor, maxTokens, tokenIds);
  }

  public RemoteSettings withMaxTokens(int tokens) {
    return new RemoteSettings(baseUrl, apiKey, modelTemplate, maxInFlight, requestTimeout, maxAttempts, backoffBase,
        backoffMax, breakerFailures, breakerOpenFor, tokens, tokenIds);
  }

  public RemoteSettings withMaxInFlight(int window) {
    return new RemoteSettings(baseUrl, apiKey, modelTemplate, window, requestTimeout, maxAttempts, backoffBase,
        backoffMax, breakerFailures, breakerOpenFor, maxTokens, tokenIds);
  }

  @Override
  public String toString() {
    return "RemoteSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "(none)" : "(set, redacted)")
        + ", model=" + modelTemplate + ", maxInFlight=" + maxInFlight + ", requestTimeout=" + requestTimeout
        + ", maxAttempts=" + maxAttempts + ", backoff=" + backoffBase + ".." + backoffMax + ", breaker="
        + breakerFailures + "/" + breakerOpenFor + ", maxTokens=" + maxTokens + ", tokenIds=" + tokenIds + "]";
  }
}
