package org.visionzero.trainer.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;

class TrainableParametersTest {

  @Test
  void shouldTrainTheSpeakerInClueStepsTheHeadInDecisionStepsAndNeverTheEncoderOrListenerWhenAsked() {
    TrainableParameters defaults = TrainableParameters.speaker();

    assertThat(defaults.of(Phase.CLUE)).accepts("decoder.echo", "decoder.gru.wx", "decoder.out.w")
        .rejects("decision.query", "encoder.conv1.w", "listener.gru.wx");
    assertThat(defaults.of(Phase.DECISION)).accepts("decision.query")
        .rejects("decoder.gru.wx", "encoder.fc.w", "listener.out.w");
  }

  @Test
  void shouldTrainOnlyTheEchoLogitsInClueStepsWithAFrozenSpeaker() {
    TrainableParameters echoOnly = TrainableParameters.echoOnly();

    assertThat(echoOnly.of(Phase.CLUE)).accepts("decoder.echo").rejects("decoder.gru.wx", "decision.query");
    assertThat(echoOnly.of(Phase.DECISION)).accepts("decision.query").rejects("decoder.echo");
  }

  @Test
  void shouldNeedAListenerCopyOnlyWhenTheSpeakersWordsAreTrained() {
    assertThat(TrainableParameters.speaker().trainsSpeaker()).isTrue();
    assertThat(TrainableParameters.all().trainsSpeaker()).isTrue();
    assertThat(new TrainableParameters(List.of("decoder.gru"), List.of("decision.")).trainsSpeaker()).isTrue();
    assertThat(TrainableParameters.echoOnly().trainsSpeaker()).isFalse();
    assertThat(new TrainableParameters(List.of("decoder.echo", "encoder."), List.of("decision.")).trainsSpeaker())
        .isFalse();
  }

  @Test
  void shouldTrainEverythingInBothPhasesWhenAskedTo() {
    assertThat(TrainableParameters.all().of(Phase.CLUE)).accepts("encoder.fc.w", "decoder.out.w", "decision.abstain");
  }

  @Test
  void shouldRefuseAPrefixOutsideTheModelsPartsNamingThem() {
    assertThatThrownBy(() -> new TrainableParameters(List.of("decoder."), List.of("head.")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'head.'").hasMessageContaining("decision phase").hasMessageContaining("encoder.");
    assertThatThrownBy(() -> new TrainableParameters(List.of("listener."), List.of("decision.")))
        .hasMessageContaining("'listener.'");
    assertThatThrownBy(() -> new TrainableParameters(List.of(), List.of("decision.")))
        .hasMessageContaining("clue phase must train at least one part");
  }
}
