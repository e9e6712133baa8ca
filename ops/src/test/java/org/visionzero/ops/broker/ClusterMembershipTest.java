package org.visionzero.ops.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.visionzero.ops.config.BrokerConfig;
import org.visionzero.ops.config.VzConfigException;

class ClusterMembershipTest {

  private static final Path DIR = Path.of("/tmp/vz-broker-2");
  private static final String VOTERS = "1@localhost:9101,2@localhost:9102,3@localhost:9103";

  @Test
  void givenAClusterNode_whenItsPropertiesAreMade_thenTheVotersItsIdAndThreeReplicasWithTwoInSync() {
    BrokerSettings settings = BrokerSettings.of(DIR, 9092)
        .inCluster(ClusterMembership.parse(2, "cluster-a", VOTERS));

    Properties p = EmbeddedKafkaBroker.brokerProperties(DIR, 9092, settings.cluster().orElseThrow().controllerPort(),
        settings);

    assertThat(p.getProperty("node.id")).isEqualTo("2");
    assertThat(p.getProperty("controller.quorum.voters")).isEqualTo(VOTERS);
    assertThat(p.getProperty("listeners")).contains("CONTROLLER://localhost:9102");
    assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("3");
    assertThat(p.getProperty("transaction.state.log.replication.factor")).isEqualTo("3");
    assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("2");
    assertThat(p.getProperty("default.replication.factor")).isEqualTo("3");
    assertThat(p.getProperty("min.insync.replicas")).isEqualTo("2");
  }

  @Test
  void givenNoCluster_whenThePropertiesAreMade_thenTheSingleNodeAsBefore() {
    Properties p = EmbeddedKafkaBroker.brokerProperties(DIR, 9092, 9093, BrokerSettings.of(DIR, 9092));

    assertThat(p.getProperty("node.id")).isEqualTo("1");
    assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("1@localhost:9093");
    assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
    assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
    assertThat(p).doesNotContainKeys("default.replication.factor", "min.insync.replicas");
  }

  @Test
  void shouldRefuseVotersThatDoNotParseOrDoNotIncludeThisNode() {
    assertThatThrownBy(() -> ClusterMembership.parse(4, "c", VOTERS)).hasMessageContaining("not one of the voters");
    assertThatThrownBy(() -> ClusterMembership.parse(1, "c", "1@localhost")).hasMessageContaining("ID@HOST:PORT");
    assertThatThrownBy(() -> ClusterMembership.parse(1, " ", VOTERS)).hasMessageContaining("cluster id");
  }

  @Test
  void givenVzBrokerSettings_whenVotersComeWithoutAClusterId_thenTheFixIsNamed() {
    BrokerConfig withoutId = new BrokerConfig(Map.of(BrokerConfig.CONTROLLER_VOTERS, VOTERS));
    BrokerConfig complete = new BrokerConfig(Map.of(BrokerConfig.CONTROLLER_VOTERS, VOTERS,
        BrokerConfig.CLUSTER_ID, "cluster-a", BrokerConfig.NODE_ID, 3));

    assertThatThrownBy(withoutId::brokerSettings).isInstanceOf(VzConfigException.class)
        .hasMessageContaining("--cluster-id");
    assertThat(complete.brokerSettings().cluster()).hasValueSatisfying(cluster -> {
      assertThat(cluster.nodeId()).isEqualTo(3);
      assertThat(cluster.controllerPort()).isEqualTo(9103);
    });
    assertThat(new BrokerConfig(Map.of()).brokerSettings().cluster()).isEmpty();
  }
}
