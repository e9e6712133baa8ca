package org.visionzero.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.visionzero.ops.config.ConfigLoader;
import org.visionzero.ops.config.ConfigSources;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.serve.PolicyServer;
import org.visionzero.ops.serve.ServedModels;
import org.visionzero.workers.WorkerConfig;
import org.visionzero.workers.policy.ModelPolicyFactory;

/**
 * {@link VzRunLearningIT} with every model turn over HTTP: the run's workers use the openai backend against
 * {@code vz serve} (started here on the run's cluster with {@code --follow}, so it reloads each checkpoint the
 * trainer publishes), and the run must meet the same {@link LearningBar}. Meanwhile {@link ExternalVersionPhase}
 * announces a version of another policy whose weights an outside trainer loaded into vz serve under a new name.
 */
@Isolated // its learning bar needs the cores: alone, not beside another IT
@Timeout(value = 7, unit = TimeUnit.MINUTES)
class VzRunRemoteLearningIT {
  @TempDir
  Path dataDir;

  @Test
  void shouldMeetTheLearningBarWithEveryTurnPlayedByVzServe() throws Exception {
    Path v0 = dataDir.resolve("v0-scenes.vzck");
    try (InputStream in = VzRunRemoteLearningIT.class.getResourceAsStream(VzRunLearningIT.V0_RESOURCE)) {
      assertThat(in).isNotNull();
      Files.copy(in, v0);
    }
    int port = freePort();
    Map<String, String> flags = VzRunLearningIT.flags(dataDir, v0);
    // Shorter than the in-JVM test's run (CI's time budget): on an idle 2-core machine 180 s reached v77 at 0.989.
    flags.put(VzRunConfig.DURATION, "110s");
    flags.put(VzRunConfig.WORKER_POLICY_BACKEND, WorkerConfig.BACKEND_OPENAI);
    flags.put(VzRunConfig.WORKER_OPENAI_BASE_URL, "http://127.0.0.1:" + port + "/v1");
    flags.put(VzRunConfig.WORKER_OPENAI_POLICIES, "vz," + ExternalVersionPhase.POLICY);
    VzRunConfig config = ConfigLoader.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new,
        new ConfigSources(Optional.empty(), Map.of(), flags));

    VzRun run = VzRun.start(config);
    PolicyServer server = null;
    try {
      ServedModels models = ServedModels.start(v0, ModelPolicyFactory.standard(), 6,
          Optional.of(new ServedModels.Following(run.bootstrapServers(), run.catalog().prefix(),
              config.dataDir().resolve("blobs"), run.clientProperties().asMap())), new SimpleMeterRegistry());
      server = PolicyServer.start(models, new PolicyServer.Settings("127.0.0.1", port, 1024, 32,
          Duration.ofMillis(5), Duration.ofSeconds(60), "", true));
      Pipeline pipeline = Pipeline.start(run, config, PolicyRuntimes.forConfig(config), new SimpleMeterRegistry(),
          line -> System.out.println("remote learning IT: " + line));
      // Beside the run: an outside trainer's version of another policy, played by the same workers. Its games wait
      // in the coordinator's FIFO behind the pairs already produced, so they end late in the run or in its final
      // evaluation: the phase runs on its own thread and is awaited once the run has finished.
      PolicyServer outsideTrainersServer = server;
      CompletableFuture<String> external = CompletableFuture.supplyAsync(() -> {
        try {
          return ExternalVersionPhase.run(run, config.dataDir().resolve("blobs"), outsideTrainersServer, v0);
        } catch (Exception e) {
          throw new CompletionException(e);
        }
      });
      Pipeline.End end = pipeline.awaitEnd(config.duration(), () -> false);
      pipeline.finish(end, true, Map.of());
      System.out.println("remote learning IT: " + awaitPhase(external));

      double served = server.meters().counter(PolicyServer.REQUESTS, "outcome", "ok").count();
      System.out.printf("remote learning IT: vz serve answered %.0f chat completions, models %s%n", served,
          models.models());
      assertThat(served).as("turns played over HTTP").isGreaterThan(1000);
      assertThat(models.models()).as("vz serve reloaded published checkpoints").anyMatch(m -> !m.equals("vz-v0")
          && m.startsWith("vz-v"));
      LearningBar.assertMet(pipeline.evaluator().results(), "remote learning IT");
    } finally {
      run.close();
      if (server != null) {
        server.close();
      }
    }
  }

  /** The phase's line, or its failure as thrown in the phase (an assertion stays an assertion). */
  private static String awaitPhase(CompletableFuture<String> phase) throws Exception {
    try {
      return phase.get(ExternalVersionPhase.WAIT.toSeconds() + 30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause()
          : e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw cause instanceof Exception exception ? exception : e;
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
