package io.flywheelgates.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DefinitionLoaderTest {
  private static final Path INVALID = Path.of("src/test/resources/gates-invalid");

  static Stream<Path> invalidCases() throws IOException {
    return Files.list(INVALID).filter(Files::isDirectory).sorted();
  }

  /**
   * Each fixture directory holds one kind of invalid definition and, in expected.txt, every problem
   * it must report.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCases")
  void reportsEveryProblemWithItsFileLineAndColumn(Path dir) throws IOException {
    List<String> expected =
        Files.readAllLines(dir.resolve("expected.txt")).stream()
            .filter(line -> !line.isBlank())
            .map(line -> dir + "/" + line)
            .toList();

    InvalidDefinitionsException thrown =
        catchThrowableOfType(
            InvalidDefinitionsException.class, () -> new DefinitionLoader().loadDirectory(dir));

    assertThat(thrown).as("definitions in %s must be refused", dir).isNotNull();
    assertThat(thrown.problems()).extracting(Problem::toString).containsExactlyElementsOf(expected);
  }

  @Test
  void theBundledGatesLoadFromTheJarAndMatchTheRepository() throws Exception {
    Definitions bundled = new DefinitionLoader().loadBundled();
    Definitions repository = new DefinitionLoader().loadDirectory(Path.of("gates"));

    assertThat(bundled.prs())
        .extracting(PrDefinition::id)
        .containsExactly("pr-1", "pr-2", "pr-3", "pr-4", "pr-5", "pr-6");
    assertThat(bundled.prs())
        .extracting(PrDefinition::id)
        .containsExactlyElementsOf(repository.prs().stream().map(PrDefinition::id).toList());
    assertThat(bundled.origin()).isEqualTo("bundled");
  }

  @Test
  void defaultsAreResolvedWhenLoading() throws Exception {
    Definitions minimal =
        new DefinitionLoader().loadDirectory(Path.of("src/test/resources/gates-minimal"));
    PrDefinition pr = minimal.pr("pr-a").orElseThrow();

    Rule.PrMerged merged = (Rule.PrMerged) pr.rules(GateType.CODE).get(0);
    Rule.WorkflowRuns runs = (Rule.WorkflowRuns) pr.rules(GateType.PROOF).get(0);

    assertThat(merged.pullRequest()).isEqualTo(PullRequestRef.byNumber("org/a", 1));
    assertThat(runs.filter().repo()).isEqualTo("org/a");
    assertThat(runs.filter().workflow()).isEqualTo(".github/workflows/ci.yml");
    assertThat(runs.filter().branch()).as("null stands for the default branch").isNull();
    assertThat(runs.filter().events()).containsExactly("push", "schedule", "workflow_dispatch");
    assertThat(runs.count()).isEqualTo(1);
  }

  @Test
  void everyNoteStopConditionAndRollbackRuleIsInTheBundledGates() throws Exception {
    Definitions gates = new DefinitionLoader().loadBundled();

    assertThat(gates.pr("pr-1").orElseThrow().stopConditions().get(0).blocks())
        .containsExactly("pr-2");
    assertThat(gates.prs()).allSatisfy(pr -> assertThat(pr.stopConditions()).isNotEmpty());
    assertThat(gates.prs()).allSatisfy(pr -> assertThat(pr.rollback()).isNotEmpty());
    assertThat(gates.rollout().failureModes())
        .extracting(FailureMode::id)
        .containsExactly(
            "runner-registration",
            "routing",
            "missing-contract",
            "workspace-pollution",
            "hosted-publish",
            "hybrid-reported-clean",
            "synthetic-proof");
  }
}
