package org.visionzero.ops.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.blob.archfixture.BlobStoreThatUsesKafka;
import org.visionzero.deadletter.archfixture.ContractThatStoresBlobs;
import org.visionzero.game.archfixture.GameThatUsesKafka;
import org.visionzero.game.archfixture.GameThatUsesOps;
import org.visionzero.game.view.TurnView;
import org.visionzero.logtools.replay.GameNotFoundException;
import org.visionzero.logtools.replay.GameReplay;
import org.visionzero.streams.archfixture.TopologyThatUsesLogTools;
import org.visionzero.streams.coordinator.CoordinatorTopology;
import org.visionzero.topics.TopicCatalog;

/** The main code of every module (all on this module's test classpath) keeps the rules of ARCHITECTURE.md. */
class ArchitectureTest {

  private static JavaClasses mainClasses;

  @BeforeAll
  static void importMainClasses() {
    mainClasses = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.visionzero");
  }

  static Stream<ArchRule> rules() {
    return Arrays.stream(ModuleRules.ALL);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void shouldKeepModuleRule(ArchRule rule) {
    rule.check(mainClasses);
  }

  @Test
  void shouldSeeTheMainClassesOfOtherModulesSoRulesCannotPassVacuously() {
    assertThat(mainClasses.contain(TopicCatalog.class)).isTrue();
    assertThat(mainClasses.contain(TurnView.class)).isTrue();
    assertThat(mainClasses.contain(FileBlobStore.class)).as("blobstore").isTrue();
    assertThat(mainClasses.contain(CoordinatorTopology.class)).as("streams").isTrue();
    assertThat(mainClasses.contain(GameReplay.class)).as("logtools").isTrue();
    assertThat(mainClasses.contain(GameThatUsesKafka.class)).as("test fixtures are not main code").isFalse();
  }

  @Test
  void shouldReportKafkaInGameWithTheFix() {
    JavaClasses violating = new ClassFileImporter().importClasses(GameThatUsesKafka.class);

    assertThatThrownBy(() -> ModuleRules.GAME_WITHOUT_KAFKA_OR_DJL.check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GameThatUsesKafka")
        .hasMessageContaining("let streams / gpu-consumers / policy do Kafka and DJL");
  }

  @Test
  void shouldReportLowerModuleUsingOps() {
    JavaClasses violating = new ClassFileImporter().importClasses(GameThatUsesOps.class,
        org.visionzero.ops.config.VzConfigException.class);

    assertThatThrownBy(() -> ModuleRules.NOTHING_BELOW_OPS_USES_OPS.check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GameThatUsesOps");
    assertThatThrownBy(() -> ModuleRules.LAYERS.check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dependencies point one way");
  }

  @Test
  void shouldReportLiveTopologyUsingALogToolWithTheFix() {
    JavaClasses violating = new ClassFileImporter().importClasses(TopologyThatUsesLogTools.class,
        GameNotFoundException.class);

    assertThatThrownBy(() -> ModuleRules.LIVE_STREAMS_WITHOUT_LOG_TOOLS_OR_BLOBS.check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("TopologyThatUsesLogTools")
        .hasMessageContaining("belongs in logtools, which may use streams, never the reverse");
    assertThatThrownBy(() -> ModuleRules.LAYERS.check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("streams <- logtools");
  }

  @Test
  void shouldReportContractUsingTheBlobStore() {
    JavaClasses violating = new ClassFileImporter().importClasses(ContractThatStoresBlobs.class,
        FileBlobStore.class);

    assertThatThrownBy(() -> ModuleRules.LAYERS.check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ContractThatStoresBlobs")
        .hasMessageContaining("storage into blobstore");
  }

  @Test
  void shouldReportKafkaInTheBlobStoreWithTheFix() {
    JavaClasses violating = new ClassFileImporter().importClasses(BlobStoreThatUsesKafka.class);

    assertThatThrownBy(() -> ModuleRules.BLOBSTORE_ONLY_STORAGE.check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("BlobStoreThatUsesKafka")
        .hasMessageContaining("blobstore stores and verifies bytes by their hash");
  }
}
