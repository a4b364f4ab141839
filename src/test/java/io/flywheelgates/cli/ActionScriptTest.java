package io.flywheelgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composite action's script, run as GitHub Actions would, with a fake step summary and output
 * file.
 */
class ActionScriptTest {
  private static final Path SCRIPT = Path.of(".github/actions/flywheel-gates/run.sh");

  @TempDir Path temp;

  private record Run(int exitCode, String out, String summary, String outputs) {}

  private Run run(String snapshot, String failOn) throws Exception {
    Path summary = temp.resolve("summary.md");
    Path outputs = temp.resolve("outputs.txt");
    ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString());
    Map<String, String> env = builder.environment();
    env.put(
        "FG_COMMAND",
        Path.of(System.getProperty("java.home"), "bin", "java")
            + " -cp "
            + System.getProperty("java.class.path")
            + " io.flywheelgates.cli.Main");
    env.put("FG_SNAPSHOT", snapshot);
    env.put("FG_FAIL_ON", failOn);
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_STEP_SUMMARY", summary.toString());
    env.put("GITHUB_OUTPUT", outputs.toString());
    env.put("RUNNER_TEMP", temp.toString());
    env.remove("GH_TOKEN");
    env.remove("GITHUB_TOKEN");
    Process process = builder.redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(
        process.exitValue(),
        out,
        Files.exists(summary) ? Files.readString(summary) : "",
        Files.exists(outputs) ? Files.readString(outputs) : "");
  }

  @Test
  void aStopFailsTheJobAndTheSummaryAndAnnotationsAreWritten() throws Exception {
    Run run = run("examples/rollout-2026-04-18-morning-stop.json", "STOP,INCONCLUSIVE");

    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    assertThat(run.summary())
        .contains("## flywheel-gates: 🛑 STOP")
        .contains("**Rollback rules:**");
    assertThat(run.outputs()).isEqualTo("verdict=STOP\n");
    assertThat(run.out())
        .contains("::error title=pr-1 STOP lane-repeatedly-fails::")
        .contains("a PR is STOP, which fails this job");
  }

  @Test
  void aNoGoPassesWhenOnlyStopAndInconclusiveFail() throws Exception {
    Run run = run("examples/rollout-2026-04-17-evening.json", "STOP,INCONCLUSIVE");

    assertThat(run.exitCode()).as(run.out()).isEqualTo(0);
    assertThat(run.outputs()).isEqualTo("verdict=NO_GO\n");
    assertThat(run.summary()).contains("## flywheel-gates: ⏳ NO_GO");
  }

  @Test
  void byDefaultAnythingButGoFails() throws Exception {
    Run run = run("examples/rollout-2026-04-17-evening.json", "NO_GO,BLOCKED,STOP,INCONCLUSIVE");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("a PR is (NO_GO|BLOCKED), which fails this job");
  }
}
