package org.visionzero.ops.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The module rules of ARCHITECTURE.md as ArchUnit rules; each {@code because} says how to fix a violation.
 * Packages: schemas = events, serde, topics, deadletter, hash, json, scene, text, process, files, sign; blobstore = blob;
 * every other module = org.visionzero.&lt;module&gt; (gpu-consumers = workers).
 */
final class ModuleRules {

  static final String[] SCHEMAS = {"org.visionzero.events..", "org.visionzero.serde..", "org.visionzero.topics..",
      "org.visionzero.deadletter..", "org.visionzero.hash..", "org.visionzero.json..", "org.visionzero.scene..", "org.visionzero.text..",
      "org.visionzero.process..", "org.visionzero.files..", "org.visionzero.sign.."};
  static final String BLOBSTORE = "org.visionzero.blob..";
  static final String GAME = "org.visionzero.game..";
  static final String POLICY = "org.visionzero.policy..";
  static final String PRODUCERS = "org.visionzero.producers..";
  static final String STREAMS = "org.visionzero.streams..";
  static final String LOGTOOLS = "org.visionzero.logtools..";
  static final String WORKERS = "org.visionzero.workers..";
  static final String TRAINER = "org.visionzero.trainer..";
  static final String OPS = "org.visionzero.ops..";

  private static final String KAFKA = "org.apache.kafka..";
  private static final String KAFKA_STREAMS = "org.apache.kafka.streams..";
  private static final String DJL = "ai.djl..";

  private ModuleRules() {
  }

  static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.visionzero..")
      .withOptionalLayers(true)
      .layer("schemas").definedBy(SCHEMAS)
      .layer("blobstore").definedBy(BLOBSTORE)
      .layer("game").definedBy(GAME)
      .layer("policy").definedBy(POLICY)
      .layer("producers").definedBy(PRODUCERS)
      .layer("streams").definedBy(STREAMS)
      .layer("logtools").definedBy(LOGTOOLS)
      .layer("gpu-consumers").definedBy(WORKERS)
      .layer("trainer").definedBy(TRAINER)
      .layer("ops").definedBy(OPS)
      .whereLayer("ops").mayNotBeAccessedByAnyLayer()
      .whereLayer("producers").mayOnlyBeAccessedByLayers("ops")
      .whereLayer("logtools").mayOnlyBeAccessedByLayers("ops")
      .whereLayer("streams").mayOnlyBeAccessedByLayers("logtools", "ops")
      .whereLayer("gpu-consumers").mayOnlyBeAccessedByLayers("ops")
      .whereLayer("trainer").mayOnlyBeAccessedByLayers("ops")
      .whereLayer("policy").mayOnlyBeAccessedByLayers("producers", "streams", "gpu-consumers", "trainer", "ops")
      .whereLayer("game")
      .mayOnlyBeAccessedByLayers("policy", "producers", "streams", "logtools", "gpu-consumers", "trainer", "ops")
      .whereLayer("blobstore")
      .mayOnlyBeAccessedByLayers("producers", "logtools", "gpu-consumers", "trainer", "ops")
      .because("dependencies point one way, schemas <- {game, blobstore}, game <- policy <- {producers, streams, "
          + "gpu-consumers, trainer}, streams <- logtools, blobstore <- {producers, logtools, gpu-consumers, "
          + "trainer}, all <- ops (ARCHITECTURE.md): move the shared code down into the lower module (game or "
          + "schemas; storage into blobstore), or have ops wire the two modules together");

  static final ArchRule NOTHING_BELOW_OPS_USES_OPS = noClasses().that().resideOutsideOfPackage(OPS)
      .and().resideInAPackage("org.visionzero..")
      .should().dependOnClassesThat().resideInAPackage(OPS)
      .because("ops is the top of the stack (the vz command, the embedded broker): expose what you need "
          + "from your own module and let ops call it, never the other way round");

  static final ArchRule GAME_WITHOUT_KAFKA_OR_DJL = noClasses().that().resideInAPackage(GAME)
      .should().dependOnClassesThat().resideInAnyPackage(KAFKA, DJL)
      .allowEmptyShould(true)
      .because("game holds the rules as pure functions: take Java records or Avro events as input, and let "
          + "streams / gpu-consumers / policy do Kafka and DJL around them");

  static final ArchRule GAME_WITHOUT_IO = noClasses().that().resideInAPackage(GAME)
      .should().dependOnClassesThat(fileOrNetworkIo())
      .allowEmptyShould(true)
      .because("game is pure (no files, no network): pass bytes or values in and out, and do the I/O in the "
          + "module that calls game");

  /**
   * Rule-like classes by their names: the views a seat gets, rewards, seats and roles, tallies, spy hints, which
   * answer counts, group normalisation. A second copy of one of them elsewhere is how rules drift apart.
   */
  static final ArchRule GAME_RULES_ONLY_IN_GAME = noClasses().that().resideOutsideOfPackage(GAME)
      .and().resideInAPackage("org.visionzero..")
      .should().haveSimpleNameEndingWith("TurnViews").orShould().haveSimpleNameEndingWith("Rewards")
      .orShould().haveSimpleNameEndingWith("SeatAssignment").orShould().haveSimpleNameEndingWith("SpyHints")
      .orShould().haveSimpleNameEndingWith("Outcomes").orShould().haveSimpleNameEndingWith("AnswerRule")
      .orShould().haveSimpleNameEndingWith("GroupNormalization").orShould().haveSimpleNameEndingWith("Seeds")
      .allowEmptyShould(true)
      .because("every rule of the game lives in game once (game/README.md maps each rule to its file): call "
          + "the game class instead of writing another, or move the rule into game");

  static final ArchRule POLICY_WITHOUT_KAFKA = noClasses().that().resideInAPackage(POLICY)
      .should().dependOnClassesThat().resideInAPackage(KAFKA)
      .allowEmptyShould(true)
      .because("policy is the model, independent of transport: gpu-consumers and trainer move its inputs and "
          + "outputs through Kafka");

  static final ArchRule STREAMS_WITHOUT_DJL = noClasses().that().resideInAPackage(STREAMS)
      .should().dependOnClassesThat().resideInAPackage(DJL)
      .allowEmptyShould(true)
      .because("Kafka Streams topologies fold events and never run the model: model work belongs in "
          + "gpu-consumers (workers), which answer turn requests");

  static final ArchRule LIVE_STREAMS_WITHOUT_LOG_TOOLS_OR_BLOBS = noClasses().that().resideInAPackage(STREAMS)
      .should().dependOnClassesThat().resideInAnyPackage(LOGTOOLS, BLOBSTORE)
      .allowEmptyShould(true)
      .because("streams holds the live topologies only: a tool that reads the log after the fact (replay, "
          + "rescore, export, plug-in consumers) belongs in logtools, which may use streams, never the reverse; "
          + "the topologies pass blob references on and never read image bytes (workers do)");

  static final ArchRule LOGTOOLS_WITHOUT_DJL = noClasses().that().resideInAPackage(LOGTOOLS)
      .should().dependOnClassesThat().resideInAPackage(DJL)
      .allowEmptyShould(true)
      .because("log tools read and re-fold what the log recorded and never run the model: a tool that needs "
          + "new answers requests games (GameRequested) for the workers to play, as the evaluator does");

  static final ArchRule BLOBSTORE_ONLY_STORAGE = noClasses().that().resideInAPackage(BLOBSTORE)
      .should().dependOnClassesThat().resideInAnyPackage(KAFKA, DJL)
      .allowEmptyShould(true)
      .because("blobstore stores and verifies bytes by their hash, nothing else: every process that reads an "
          + "image or a checkpoint loads it, so publish events and run models in the module that calls it");

  static final ArchRule PRODUCERS_WITHOUT_DJL = noClasses().that().resideInAPackage(PRODUCERS)
      .should().dependOnClassesThat().resideInAPackage(DJL)
      .allowEmptyShould(true)
      .because("image-pair producers make data, not inferences: use java.awt/ImageIO for images, and leave "
          + "tensors to policy");

  static final ArchRule WORKERS_AND_TRAINER_WITHOUT_STREAMS = noClasses().that().resideInAnyPackage(WORKERS, TRAINER)
      .should().dependOnClassesThat().resideInAPackage(KAFKA_STREAMS)
      .allowEmptyShould(true)
      .because("workers and the trainer are plain transactional consumer/producer loops (ARCHITECTURE.md): "
          + "use kafka-clients, and put stream folds in the streams module");

  /**
   * Deliberate deviation: schemas may use kafka-clients' serialization API and the record/producer types the
   * shared dead-letter publisher needs, because every component needs them and dependencies point one way.
   */
  static final ArchRule SCHEMAS_ONLY_SERDE_AND_RECORD_API_OF_KAFKA = noClasses().that().resideInAnyPackage(SCHEMAS)
      .should().dependOnClassesThat(kafkaBeyondSerdeAndRecords())
      .allowEmptyShould(true)
      .because("schemas is shared by every module: it may use Kafka's serialization API and the "
          + "ConsumerRecord/Producer/ProducerRecord types of the dead-letter publisher only; put clients, admin "
          + "and Streams code in the module that runs it");

  static final ArchRule SCHEMAS_WITHOUT_DJL = noClasses().that().resideInAnyPackage(SCHEMAS)
      .should().dependOnClassesThat().resideInAPackage(DJL)
      .allowEmptyShould(true)
      .because("schemas is the event contract every module loads: keep model code in policy");

  static final ArchRule[] ALL = {LAYERS, NOTHING_BELOW_OPS_USES_OPS, GAME_WITHOUT_KAFKA_OR_DJL, GAME_WITHOUT_IO,
      GAME_RULES_ONLY_IN_GAME,
      POLICY_WITHOUT_KAFKA, STREAMS_WITHOUT_DJL, LIVE_STREAMS_WITHOUT_LOG_TOOLS_OR_BLOBS, LOGTOOLS_WITHOUT_DJL,
      BLOBSTORE_ONLY_STORAGE, PRODUCERS_WITHOUT_DJL, WORKERS_AND_TRAINER_WITHOUT_STREAMS,
      SCHEMAS_ONLY_SERDE_AND_RECORD_API_OF_KAFKA, SCHEMAS_WITHOUT_DJL};

  private static DescribedPredicate<JavaClass> fileOrNetworkIo() {
    return resideInAnyPackage("java.nio.file..", "java.net..", "java.nio.channels..")
        .or(belongToAnyOf(File.class, FileInputStream.class, FileOutputStream.class, FileReader.class,
            FileWriter.class, RandomAccessFile.class))
        .as("file or network I/O");
  }

  private static DescribedPredicate<JavaClass> kafkaBeyondSerdeAndRecords() {
    DescribedPredicate<JavaClass> allowed = resideInAnyPackage("org.apache.kafka.common.serialization..",
        "org.apache.kafka.common.header..")
        .or(belongToAnyOf(SerializationException.class, ConsumerRecord.class, Producer.class,
            ProducerRecord.class, RecordMetadata.class, Callback.class));
    return resideInAPackage(KAFKA).and(not(allowed))
        .as("Kafka classes other than the serialization API and ConsumerRecord/Producer/ProducerRecord");
  }
}
