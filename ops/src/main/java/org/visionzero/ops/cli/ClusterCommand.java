package org.visionzero.ops.cli;

import java.util.concurrent.TimeoutException;
import org.visionzero.ops.cli.options.ClusterOptions;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.config.KafkaClientConfig;
import picocli.CommandLine.Mixin;

/**
 * A command that reads (or writes) the cluster and prints what it found: it gets its client settings loaded from
 * the cluster options, and a cluster that does not answer in time is reported as the likely cause. Picocli
 * includes the options of these fields in every subclass.
 */
abstract class ClusterCommand implements Runnable {

  @Mixin
  ClusterOptions cluster;
  @Mixin
  OutputOptions output;

  /** The command's work, with the client settings of {@code --config}, the environment and the flags. */
  abstract void run(KafkaClientConfig settings) throws TimeoutException, InterruptedException;

  @Override
  public final void run() {
    KafkaClientConfig settings = cluster.load();
    try {
      run(settings);
    } catch (TimeoutException e) {
      throw new IllegalStateException(e.getMessage() + " (is the cluster reachable?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
