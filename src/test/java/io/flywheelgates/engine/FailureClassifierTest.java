package io.flywheelgates.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.flywheelgates.facts.JobFact;
import io.flywheelgates.facts.LogExcerpt;
import io.flywheelgates.support.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One fixture per cause, and beside each a near miss that must not be taken for it. */
class FailureClassifierTest {
  private static final FailureClassifier CLASSIFIER =
      new FailureClassifier(Example.gates().rollout());
  private static final String SELF_HOSTED = "tinyland-arc";

  static Stream<Arguments> fixtures() throws IOException {
    return Stream.of(
        Arguments.of(
            "never got a runner",
            job("cancelled", null, null, "Set up job", null),
            "runner-registration"),
        Arguments.of(
            "near miss: cancelled after it started",
            job(
                "cancelled",
                "tinyland-nix-runner-1",
                SELF_HOSTED,
                "Run nix build",
                log("unclassified")),
            "unclassified"),
        Arguments.of(
            "ran in the hosted group",
            job("failure", "GitHub Actions 12", "GitHub Actions", "Run nix build", null),
            "routing"),
        Arguments.of(
            "near miss: a self-hosted runner with a hosted-looking name",
            job(
                "failure",
                "github-actions-mirror-1",
                SELF_HOSTED,
                "Run bazel test",
                log("unclassified")),
            "unclassified"),
        Arguments.of(
            "ATTIC_SERVER not set",
            job("failure", "r1", SELF_HOSTED, "Run nix build", log("missing-contract")),
            "missing-contract"),
        Arguments.of(
            "an environment dump without ATTIC_SERVER",
            job("failure", "r1", SELF_HOSTED, "Run printenv", log("missing-contract-env-dump")),
            "missing-contract"),
        Arguments.of(
            "near miss: an environment dump with the contract in it",
            job(
                "failure",
                "r1",
                SELF_HOSTED,
                "Run bazel test",
                log("missing-contract-env-dump-near-miss")),
            "unclassified"),
        Arguments.of(
            "near miss: a hosted job's environment lacks the contract by design",
            hosted(log("missing-contract-env-dump")),
            "unclassified"),
        Arguments.of(
            "near miss: the contract printed as set",
            job("failure", "r1", SELF_HOSTED, "Run bazel test", log("missing-contract-near-miss")),
            "unclassified"),
        Arguments.of(
            "EACCES in checkout (the honey-am incident)",
            job(
                "failure",
                "honey-am-1",
                SELF_HOSTED,
                "Run actions/checkout@v4",
                log("workspace-pollution")),
            "workspace-pollution"),
        Arguments.of(
            "near miss: 'permission denied' in a test's own output",
            job(
                "failure",
                "r1",
                SELF_HOSTED,
                "Run pnpm test",
                log("workspace-pollution-near-miss")),
            "unclassified"),
        Arguments.of(
            "registry auth failing in publish",
            job("failure", "r1", SELF_HOSTED, "Publish to npm", log("hosted-publish")),
            "hosted-publish"),
        Arguments.of(
            "near miss: the same E401 while installing dependencies",
            job("failure", "r1", SELF_HOSTED, "Run pnpm install", log("hosted-publish-near-miss")),
            "unclassified"),
        Arguments.of(
            "an ordinary test failure",
            job("failure", "r1", SELF_HOSTED, "Run bazel test", log("unclassified")),
            "unclassified"));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("fixtures")
  void classifies(String name, JobFact job, String cause) {
    FailureClassifier.Classification classification = CLASSIFIER.classify(job);

    assertThat(classification.cause()).isEqualTo(cause);
    assertThat(classification.matched()).isNotBlank();
    assertThat(classification.logMissing()).isFalse();
  }

  @Test
  void theMatchedLogLineIsQuotedWithItsNumber() throws IOException {
    FailureClassifier.Classification pollution =
        CLASSIFIER.classify(
            job(
                "failure",
                "honey-am-1",
                SELF_HOSTED,
                "Run actions/checkout@v4",
                log("workspace-pollution")));

    assertThat(pollution.matched())
        .startsWith("log line 3: ")
        .contains("EACCES: permission denied, unlink")
        .contains("pkg/LICENSE");
  }

  @Test
  void aFailureWhoseLogWasNotGatheredIsUnclassifiedAndSaysWhy() {
    FailureClassifier.Classification unknown =
        CLASSIFIER.classify(job("failure", "r1", SELF_HOSTED, "Run nix build", null));

    assertThat(unknown.cause()).isEqualTo("unclassified");
    assertThat(unknown.logMissing()).isTrue();
    assertThat(unknown.matched()).isEqualTo("its log was not gathered");
  }

  private static LogExcerpt log(String fixture) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("src/test/resources/logs/" + fixture + ".log"));
    List<LogExcerpt.Line> numbered = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      numbered.add(new LogExcerpt.Line(i + 1, lines.get(i)));
    }
    return new LogExcerpt(numbered, lines.size());
  }

  @Test
  void aHostedJobThatAskedForAHostedLabelIsNotRouting() throws IOException {
    JobFact hosted =
        new JobFact(
            8,
            "package / validate (20)",
            "completed",
            "failure",
            List.of("ubuntu-latest"),
            "GitHub Actions 1000213",
            "GitHub Actions",
            Instant.parse("2026-04-17T12:00:00Z"),
            Instant.parse("2026-04-17T12:05:00Z"),
            "https://github.com/job/8",
            List.of(new JobFact.StepFact(1, "Run bazel test", "completed", "failure")),
            log("unclassified"));

    assertThat(CLASSIFIER.classify(hosted).cause()).isEqualTo("unclassified");
  }

  private static JobFact hosted(LogExcerpt log) {
    return new JobFact(
        9,
        "package / validate (20)",
        "completed",
        "failure",
        List.of("ubuntu-latest"),
        "GitHub Actions 1000213",
        "GitHub Actions",
        Instant.parse("2026-04-17T12:00:00Z"),
        Instant.parse("2026-04-17T12:05:00Z"),
        "https://github.com/job/9",
        List.of(new JobFact.StepFact(1, "Run printenv", "completed", "failure")),
        log);
  }

  private static JobFact job(
      String conclusion, String runner, String group, String failedStep, LogExcerpt log) {
    List<JobFact.StepFact> steps =
        List.of(
            new JobFact.StepFact(
                1,
                "Set up job",
                "completed",
                failedStep.equals("Set up job") ? "failure" : "success"),
            new JobFact.StepFact(2, failedStep, "completed", "failure"));
    return new JobFact(
        7,
        "job",
        "completed",
        conclusion,
        List.of("tinyland-nix"),
        runner,
        group,
        Instant.parse("2026-04-17T12:00:00Z"),
        Instant.parse("2026-04-17T12:05:00Z"),
        "https://github.com/job/7",
        steps,
        log);
  }
}
