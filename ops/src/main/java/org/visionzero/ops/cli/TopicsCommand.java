package org.visionzero.ops.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.admin.Admin;
import org.visionzero.ops.config.KafkaClientConfig;
import org.visionzero.ops.run.VzRun;
import org.visionzero.ops.topics.TopicProvisioner;
import org.visionzero.ops.topics.TopicState;
import org.visionzero.topics.TopicCatalog;
import picocli.CommandLine.Command;

/** {@code vz topics create|describe}: the catalog's topics on a cluster. */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "Create or describe the catalog's topics on a cluster.",
    subcommands = {TopicsCommand.Create.class, TopicsCommand.Describe.class})
public final class TopicsCommand extends CommandGroup {

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Create the catalog's missing topics (idempotent).",
          "Existing topics are left as they are; differences from the catalog are reported."})
  static final class Create extends TopicsAction {
    Create() {
      super(TopicProvisioner::create);
    }
  }

  @Command(name = "describe", mixinStandardHelpOptions = true,
      description = "Show every topic of the catalog as the cluster has it.")
  static final class Describe extends TopicsAction {
    Describe() {
      super(TopicProvisioner::describe);
    }
  }

  /** Shared body of the two subcommands: load config, ask the cluster, print. */
  abstract static class TopicsAction extends ClusterCommand {

    private final BiFunction<TopicProvisioner, TopicCatalog, List<TopicState>> action;

    TopicsAction(BiFunction<TopicProvisioner, TopicCatalog, List<TopicState>> action) {
      this.action = action;
    }

    @Override
    void run(KafkaClientConfig settings) {
      String bootstrap = settings.clientProperties().bootstrapServers();
      List<TopicState> topics;
      try (Admin admin = Admin.create(settings.clientProperties().forAdmin(VzRun.ADMIN_TIMEOUT))) {
        topics = action.apply(new TopicProvisioner(admin, VzRun.ADMIN_TIMEOUT), settings.topicCatalog());
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("bootstrapServers", bootstrap);
      result.put("topics", topics);
      output.print(result,
          () -> "Topics on " + bootstrap + ":\n" + TopicTable.render(topics));
    }
  }
}
