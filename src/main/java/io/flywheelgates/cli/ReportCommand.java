package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.PrDefinition;
import io.flywheelgates.engine.Engine;
import io.flywheelgates.engine.History;
import io.flywheelgates.engine.Scorecards;
import io.flywheelgates.facts.FactRequest;
import io.flywheelgates.facts.Facts;
import io.flywheelgates.report.HtmlRenderer;
import io.flywheelgates.verdict.HistoryReport;
import io.flywheelgates.verdict.RolloutVerdict;
import io.flywheelgates.verdict.Scorecard;
import io.flywheelgates.verdict.Source;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the whole rollout as one self-contained HTML page: a card per PR with its verdict, gates, needs,",
      "evidence links, per-lane run strips, stop conditions and rollback rules, then the tier scorecard.",
      "The exit code follows the verdict."
    })
final class ReportCommand implements Callable<Integer> {
  /** The report's runs per lane strip. */
  private static final int STRIP_RUNS = 12;

  @ParentCommand FlywheelGatesCommand parent;
  @Spec CommandSpec spec;
  @Mixin GatesOption gates;
  @Mixin GitHubOptions github;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "html",
      description = "Report format: html.")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      required = true,
      description = "The HTML file to write.")
  Path output;

  @Option(
      names = "--snapshot",
      paramLabel = "FILE",
      description = "Evaluate offline from a recorded snapshot.")
  Path snapshot;

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      converter = EvaluationOptions.InstantConverter.class,
      description = "Evaluation time. Default: now, or the snapshot's capture time.")
  Instant at;

  @Option(
      names = {"-v", "--verbose"},
      description = "Say more on stderr.")
  boolean verbose;

  /** The verdict, every PR's lanes over time and the scorecard, from one set of facts. */
  private record Page(
      RolloutVerdict verdict, Map<String, HistoryReport> histories, Scorecard scorecard) {}

  @Override
  public Integer call() throws Exception {
    if (!"html".equals(format)) {
      throw new UsageException(
          "report writes --format html; for other formats use 'check --format'");
    }
    Definitions definitions = gates.load();
    // The report's own options are those of the evaluating commands, less --format (it writes HTML
    // only).
    EvaluationOptions evidence = new EvaluationOptions();
    evidence.snapshot = snapshot;
    evidence.at = at;
    evidence.verbose = verbose;
    evidence.format = EvaluationOptions.Format.text;
    Page page =
        LiveEvidence.run(
            (facts, when, source) -> {
              Gathered gathered = page(definitions, facts, when, source);
              return new LiveEvidence.Step<>(gathered.page(), gathered.missing());
            },
            definitions,
            evidence,
            github,
            parent.environment,
            spec.commandLine().getErr());
    write(page);
    spec.commandLine()
        .getErr()
        .println("flywheel-gates: wrote " + output + " (" + page.verdict().verdict() + ")");
    return ExitCode.of(page.verdict().verdict()).code;
  }

  private record Gathered(Page page, Set<FactRequest> missing) {}

  private static Gathered page(Definitions definitions, Facts facts, Instant at, Source source) {
    Engine.Evaluation evaluation =
        new Engine().evaluateListingMissing(definitions, facts, at, source, List.of());
    Set<FactRequest> missing = new LinkedHashSet<>(evaluation.missing());
    Map<String, HistoryReport> histories = new LinkedHashMap<>();
    History history = new History();
    for (PrDefinition pr : definitions.prs()) {
      History.Result result =
          history.history(definitions, facts, at, source, pr.id(), null, STRIP_RUNS);
      histories.put(pr.id(), result.report());
      missing.addAll(result.missing());
    }
    Scorecard scorecard = null;
    if (definitions.rollout().scorecard() != null) {
      Scorecards.Result scored = Scorecards.score(definitions, facts, at, source, null);
      scorecard = scored.scorecard();
      missing.addAll(scored.missing());
    }
    return new Gathered(new Page(evaluation.verdict(), histories, scorecard), missing);
  }

  /** A temporary file is private; the page it becomes is for everyone to read. */
  private static void readableByAll(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its defaults apply
    }
  }

  /** Written whole or not at all: a reader never opens half a page. */
  private void write(Page page) throws IOException {
    Path dir = output.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new UsageException("cannot write " + output + ": its directory does not exist");
    }
    Path temp = Files.createTempFile(dir, output.getFileName().toString(), ".tmp");
    try {
      readableByAll(temp);
      try (PrintWriter out =
          new PrintWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8))) {
        new HtmlRenderer().render(page.verdict(), page.histories(), page.scorecard(), out);
      }
      Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
