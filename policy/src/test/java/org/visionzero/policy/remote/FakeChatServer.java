package org.visionzero.policy.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP server on loopback that answers {@code /v1/chat/completions} from a script: status and body per
 * request (the request number and body are given), optionally after a delay. Records requests and the most
 * requests it had in flight at once.
 */
final class FakeChatServer implements AutoCloseable {
  /** One scripted answer. */
  record Reply(int status, String body, long delayMillis) {
    static Reply ok(String body) {
      return new Reply(200, body, 0);
    }
  }

  /** What the server received. */
  record Received(String body, String authorization) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();

  FakeChatServer(Function<Integer, Reply> script) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(threads);
    AtomicInteger count = new AtomicInteger();
    server.createContext("/v1/chat/completions", exchange -> answer(exchange, script.apply(count.incrementAndGet())));
  }

  FakeChatServer start() {
    server.start();
    return this;
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  List<Received> received() {
    return received;
  }

  int mostInFlight() {
    return mostInFlight.get();
  }

  private void answer(HttpExchange exchange, Reply reply) throws IOException {
    int now = inFlight.incrementAndGet();
    mostInFlight.accumulateAndGet(now, Math::max);
    try {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new Received(body, exchange.getRequestHeaders().getFirst("Authorization")));
      if (reply.delayMillis() > 0) {
        Thread.sleep(reply.delayMillis());
      }
      byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up (timeout): nothing to answer
    } finally {
      inFlight.decrementAndGet();
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
