package org.visionzero.ops.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.ops.serve.ChatResponseWriter;

/**
 * vz serve's HTTP side (Javalin on Jetty): {@code POST /v1/chat/completions}, {@code GET /v1/models},
 * {@code GET /health}, {@code GET /metrics} (Prometheus). Requests are played by the {@link InferenceLoop}; with an
 * API key configured, every {@code /v1} call must carry it as {@code Authorization: Bearer}. With
 * {@link Settings#allowModelLoading}, {@code POST /v1/load_lora_adapter} (vLLM's call for runtime adapters) serves a
 * checkpoint file under a new model name, as an outside trainer does after a step.
 */
public final class PolicyServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyServer.class);
  public static final String REQUESTS = "vz.serve.requests";
  public static final String LATENCY = "vz.serve.latency";
  /** Answered requests for each model loaded by name (a small set an operator chose, so a tag is fine). */
  public static final String NAMED_REQUESTS = "vz.serve.named.requests";
  /** The endpoint that loads a model under a name, with vLLM's path and fields. */
  public static final String LOAD_PATH = "/v1/load_lora_adapter";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Javalin app;
  private final ServedModels models;
  private final InferenceLoop loop;
  private final Thread loopThread;
  private final PrometheusMeterRegistry meters;
  private final Duration answerTimeout;
  private final byte[] apiKey;
  private final long started = Instant.now().getEpochSecond();

  /** What vz serve needs beyond its models. */
  public record Settings(String host, int port, int queueCapacity, int batchMax, Duration batchWait,
      Duration answerTimeout, String apiKey, boolean allowModelLoading) {
    /** Without runtime model loading. */
    public Settings(String host, int port, int queueCapacity, int batchMax, Duration batchWait,
        Duration answerTimeout, String apiKey) {
      this(host, port, queueCapacity, batchMax, batchWait, answerTimeout, apiKey, false);
    }

    public Settings {
      Objects.requireNonNull(host, "host");
      apiKey = apiKey == null ? "" : apiKey;
    }

    @Override
    public String toString() {
      return "Settings[" + host + ":" + port + ", queue=" + queueCapacity + ", batch=" + batchMax + "/" + batchWait
          + ", answerTimeout=" + answerTimeout + ", apiKey=" + (apiKey.isEmpty() ? "(none)" : "(set, redacted)")
          + (allowModelLoading ? ", model loading allowed" : "") + "]";
    }
  }

  private PolicyServer(ServedModels models, Settings settings, PrometheusMeterRegistry meters) {
    this.models = models;
    this.meters = meters;
    this.answerTimeout = settings.answerTimeout();
    this.apiKey = settings.apiKey().getBytes(StandardCharsets.UTF_8);
    this.loop = new InferenceLoop(models, settings.queueCapacity(), settings.batchMax(), settings.batchWait());
    this.loopThread = new Thread(loop, "vz-serve-model");
    meters.gauge("vz.serve.queued", loop, InferenceLoop::queued);
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = 32L * 1024 * 1024;
    });
    app.before("/v1/*", this::authorise);
    app.post("/v1/chat/completions", this::complete);
    app.post(LOAD_PATH, ctx -> loadModel(ctx, settings.allowModelLoading()));
    app.get("/v1/models", ctx -> json(ctx, 200, ChatResponseWriter.models(models.models(), started)));
    app.get("/health", ctx -> ctx.contentType("application/json").result(
        ChatResponseWriter.text(ChatResponseWriter.models(models.models(), started).put("status", "ok"))));
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(meters.scrape()));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.warn("request failed: {}", e.toString());
      json(ctx, 500, ChatResponseWriter.error("internal error: " + e.getMessage(), "server_error", "internal"));
    });
  }

  /** Starts serving {@code models}; port 0 picks a free port ({@link #port()}). */
  public static PolicyServer start(ServedModels models, Settings settings) {
    PolicyServer server = new PolicyServer(models, settings, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    server.loopThread.start();
    server.app.start(settings.host(), settings.port());
    LOG.info("vz serve listening on http://{}:{}/v1 ({})", settings.host(), server.port(), settings);
    return server;
  }

  public int port() {
    return app.port();
  }

  public PrometheusMeterRegistry meters() {
    return meters;
  }

  private void authorise(Context ctx) {
    if (apiKey.length == 0) {
      return;
    }
    String header = ctx.header("Authorization");
    byte[] given = header != null && header.startsWith("Bearer ")
        ? header.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8) : new byte[0];
    if (!MessageDigest.isEqual(given, apiKey)) {
      json(ctx, 401, ChatResponseWriter.error("missing or wrong API key", "invalid_request_error", "invalid_api_key"));
      ctx.skipRemainingHandlers();
    }
  }

  private void complete(Context ctx) throws InterruptedException {
    Timer.Sample timing = Timer.start(meters);
    String outcome = "ok";
    try {
      ServedRequest request = ChatRequestReader.read(ctx.bodyAsBytes());
      ServedAnswer answer = loop.submit(request).get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
      int promptTokens = ctx.bodyAsBytes().length / 4; // a size hint: the model reads the turn, not these tokens
      ObjectNode completion = ChatResponseWriter.completion(request, answer, promptTokens);
      if (models.isNamed(request.model())) {
        // Like vLLM for an adapter: the answer names the model asked for (system_fingerprint keeps the weights').
        String name = ModelName.requested(request.model());
        completion.put("model", name);
        meters.counter(NAMED_REQUESTS, "model", name).increment();
      }
      json(ctx, 200, completion);
    } catch (BadChatRequestException e) {
      outcome = e.code();
      json(ctx, e.status(), ChatResponseWriter.error(e.getMessage(), e.status() == 503 ? "server_error"
          : "invalid_request_error", e.code()));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof BadChatRequestException bad) {
        outcome = bad.code();
        json(ctx, bad.status(), ChatResponseWriter.error(bad.getMessage(), bad.status() == 404
            ? "invalid_request_error" : "server_error", bad.code()));
      } else {
        outcome = "model_error";
        json(ctx, 500, ChatResponseWriter.error("the model failed: " + cause, "server_error", "model_error"));
      }
    } catch (TimeoutException e) {
      outcome = "timeout";
      json(ctx, 503, ChatResponseWriter.error("no answer within " + answerTimeout, "server_error", "timeout"));
    } finally {
      meters.counter(REQUESTS, "outcome", outcome).increment();
      timing.stop(meters.timer(LATENCY, "outcome", outcome));
    }
  }

  /**
   * {@code POST /v1/load_lora_adapter} with {@code {"lora_name": NAME, "lora_path": FILE}}: serves the vz checkpoint
   * FILE (a path on this server's machine) as model NAME. Off unless allowed, since it reads a file the caller names.
   */
  private void loadModel(Context ctx, boolean allowed) {
    if (!allowed) {
      json(ctx, 403, ChatResponseWriter.error("loading models at run time is off; start vz serve with "
          + "--allow-model-loading", "invalid_request_error", "model_loading_disabled"));
      return;
    }
    JsonNode body;
    try {
      body = JSON.readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      json(ctx, 400, ChatResponseWriter.error("the body is not JSON: " + e.getMessage(), "invalid_request_error",
          "invalid_json"));
      return;
    }
    String name = body == null ? "" : body.path("lora_name").asText("");
    String path = body == null ? "" : body.path("lora_path").asText("");
    if (name.isBlank() || path.isBlank()) {
      json(ctx, 400, ChatResponseWriter.error("'lora_name' and 'lora_path' are required", "invalid_request_error",
          "missing_field"));
      return;
    }
    try {
      models.loadNamed(name, Path.of(path));
    } catch (IllegalArgumentException e) { // InvalidPathException included
      json(ctx, 400, ChatResponseWriter.error(e.getMessage(), "invalid_request_error", "bad_model"));
      return;
    } catch (Exception e) {
      json(ctx, 500, ChatResponseWriter.error("could not load " + path + ": " + e.getMessage(), "server_error",
          "model_error"));
      return;
    }
    ctx.status(200).contentType("text/plain").result("Success: model '" + name + "' added successfully.");
  }

  private static void json(Context ctx, int status, ObjectNode body) {
    ctx.status(status).contentType("application/json").result(ChatResponseWriter.text(body));
  }

  @Override
  public void close() {
    app.stop();
    try {
      loop.stop(STOP_TIMEOUT);
      loopThread.join(STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    models.close();
  }
}
