package org.visionzero.ops.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TurnAnswersTest {

  @Test
  void shouldTellADuplicateAnswerFromALateAnswerBesideItsRetry() {
    TurnAnswers answers = new TurnAnswers();
    answers.answered("g1/0", 1);
    answers.answered("g1/1", 1);
    answers.answered("g1/1", 1);
    answers.answered("g2/3", 1);
    answers.answered("g2/3", 2);
    answers.answered("g3/0", 2);

    assertThat(answers.sameAttemptTwice()).containsExactly("g1/1");
    assertThat(answers.toSeveralAttempts()).containsExactly("g2/3");
  }
}
