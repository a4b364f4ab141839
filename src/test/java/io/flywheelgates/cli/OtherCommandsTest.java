package io.flywheelgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OtherCommandsTest {
  private final CliRunner cli = new CliRunner();

  @Test
  void listShowsEachPrOnOneLineInRolloutOrder() {
    CliRunner.Result result = cli.run("list");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.out().lines().filter(line -> line.matches("^\\d\\. pr-\\d.*")).toList())
        .hasSize(6)
        .first()
        .asString()
        .contains(
            "pr-1",
            "Source default-branch proof",
            "tinyland-inc/GloriousFlywheel",
            "after: -",
            "code:3 proof:1 stability:1 reporting:1",
            "stops:1");
    assertThat(result.out()).contains("6. pr-6");
  }

  @Test
  void explainSaysTheGatesStopConditionsAndRollbackRulesInPlainWords() {
    CliRunner.Result result = cli.run("explain", "pr-1");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.out())
        .contains("pr-1: Source default-branch proof")
        .contains("proof gate")
        .contains("at least 3 distinct successful runs of .github/workflows/platform-proof.yml")
        .contains(
            "lane-repeatedly-fails: a lane repeatedly fails due to runner registration, routing, or missing injected contract state")
        .contains("blocks: pr-2")
        .contains("response: block PR 2 and route to runtime integrity work")
        .contains("- reduce command payloads first")
        .contains("missing-contract: Runner contract missing on self-hosted jobs (Failure Mode 1)");
  }

  @Test
  void explainAnUnknownPrIsAUsageError() {
    CliRunner.Result result = cli.run("explain", "pr-7");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("unknown PR 'pr-7'");
  }

  @Test
  void validateAcceptsTheBundledGates() {
    CliRunner.Result result = cli.run("validate", "gates");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.out()).contains("valid: gates: 6 PRs").contains("7 failure modes");
  }

  @Test
  void validateReportsEveryProblemAndExits2() {
    CliRunner.Result result = cli.run("validate", "src/test/resources/gates-invalid/many-problems");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(
            result.err().lines().filter(line -> line.contains("many-problems/pr-a.yaml:")).count())
        .isEqualTo(3);
  }

  static Stream<Path> invalidGateDirectories() throws IOException {
    return Files.list(Path.of("src/test/resources/gates-invalid"))
        .filter(Files::isDirectory)
        .sorted();
  }

  /**
   * Every kind of invalid gate file: its file:line:col messages on stderr and exit 2, never a stack
   * trace.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidGateDirectories")
  void validateRefusesEachKindOfInvalidDefinition(Path dir) throws IOException {
    CliRunner.Result result = cli.run("validate", dir.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    for (String line : Files.readAllLines(dir.resolve("expected.txt"))) {
      assertThat(result.err()).contains(dir + "/" + line);
    }
    assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void validateOfADirectoryWithoutARolloutFileSaysWhatIsExpected() {
    CliRunner.Result result = cli.run("validate", "src");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("no rollout.yaml in gate directory 'src'");
  }

  @Test
  void helpListsTheExitCodesFromTheEnum() {
    CliRunner.Result result = cli.run("check", "--help");

    assertThat(result.exitCode()).isEqualTo(0);
    for (ExitCode code : ExitCode.values()) {
      assertThat(result.out()).contains(code.meaning.substring(0, 20));
    }
    assertThat(result.out()).contains("--snapshot=FILE").contains("--format=FORMAT");
  }

  @Test
  void versionNamesTheToolAndTheJava() {
    CliRunner.Result result = cli.run("version");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.out())
        .startsWith("flywheel-gates ")
        .contains("Java " + System.getProperty("java.version"));
  }

  @Test
  void completionForBashAndZshIsGeneratedFromTheCommandModel() {
    CliRunner.Result result = cli.run("generate-completion");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.out())
        .contains("complete -F")
        .contains("bashcompinit")
        .contains("triage")
        .contains("--snapshot");
    assertThat(cli.run("--help").out()).contains("generate-completion");
  }

  @Test
  void noCommandPrintsUsageAndExits2() {
    CliRunner.Result result = cli.run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Commands:").contains("check");
  }

  @Test
  void aMisspeltCommandGetsASuggestion() {
    CliRunner.Result result = cli.run("chek");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("check");
  }
}
