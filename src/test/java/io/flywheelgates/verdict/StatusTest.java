package io.flywheelgates.verdict;

import static io.flywheelgates.verdict.Status.ERROR;
import static io.flywheelgates.verdict.Status.FAIL;
import static io.flywheelgates.verdict.Status.PASS;
import static io.flywheelgates.verdict.Status.PENDING;
import static io.flywheelgates.verdict.Status.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one order results combine by, from literal results. */
class StatusTest {

  static Stream<Arguments> allOf() {
    return Stream.of(
        Arguments.of(List.of(PASS, PASS), PASS),
        Arguments.of(List.of(PASS, PENDING), PENDING),
        Arguments.of(List.of(PENDING, FAIL), FAIL),
        Arguments.of(List.of(FAIL, ERROR), ERROR),
        Arguments.of(List.of(PASS, WAITING), WAITING),
        Arguments.of(List.of(ERROR, PASS, PASS), ERROR));
  }

  @ParameterizedTest(name = "all of {0} -> {1}")
  @MethodSource
  void allOf(List<Status> statuses, Status expected) {
    assertThat(Status.worst(statuses)).isEqualTo(expected);
  }

  static Stream<Arguments> anyOf() {
    return Stream.of(
        Arguments.of(List.of(FAIL, PASS), PASS),
        Arguments.of(List.of(ERROR, PASS), PASS),
        Arguments.of(List.of(FAIL, PENDING), PENDING),
        Arguments.of(List.of(FAIL, ERROR), ERROR),
        Arguments.of(List.of(FAIL, FAIL), FAIL),
        Arguments.of(List.of(), ERROR));
  }

  @ParameterizedTest(name = "any of {0} -> {1}")
  @MethodSource
  void anyOf(List<Status> statuses, Status expected) {
    assertThat(Status.anyOf(statuses)).isEqualTo(expected);
  }

  @Test
  void negationSwapsOnlyWhatIsDecided() {
    assertThat(PASS.negate()).isEqualTo(FAIL);
    assertThat(FAIL.negate()).isEqualTo(PASS);
    assertThat(PENDING.negate()).isEqualTo(PENDING);
    assertThat(ERROR.negate()).isEqualTo(ERROR);
  }

  @Test
  void stopOutranksEveryOtherVerdictAndInconclusiveOutranksNoGo() {
    assertThat(Verdict.GO.worse(Verdict.STOP).worse(Verdict.INCONCLUSIVE)).isEqualTo(Verdict.STOP);
    assertThat(Verdict.NO_GO.worse(Verdict.INCONCLUSIVE)).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(Verdict.BLOCKED.worse(Verdict.NO_GO)).isEqualTo(Verdict.NO_GO);
    assertThat(Verdict.GO.worse(Verdict.BLOCKED)).isEqualTo(Verdict.BLOCKED);
  }
}
