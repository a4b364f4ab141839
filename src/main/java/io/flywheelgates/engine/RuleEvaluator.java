package io.flywheelgates.engine;

import io.flywheelgates.definition.Rule;
import io.flywheelgates.facts.FileFact;
import io.flywheelgates.facts.RepoFacts;
import io.flywheelgates.verdict.CheckResult;
import io.flywheelgates.verdict.Evidence;
import io.flywheelgates.verdict.GateResult;
import io.flywheelgates.verdict.PrResult;
import io.flywheelgates.verdict.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * Evaluates one rule against the facts. Pure: everything it reads is in the {@link
 * EvaluationContext}.
 */
final class RuleEvaluator {
  private final EvaluationContext context;
  private final RunRules runRules;

  RuleEvaluator(EvaluationContext context) {
    this.context = context;
    this.runRules = new RunRules(context);
  }

  CheckResult check(Rule rule) {
    Finding finding = evaluate(rule);
    return new CheckResult(
        rule.id(),
        rule.describe(),
        finding.status(),
        finding.summary(),
        finding.status() == Status.PASS ? null : finding.needs(),
        finding.attested(),
        finding.evidence());
  }

  Finding evaluate(Rule rule) {
    if (rule instanceof Rule.PrMerged merged) {
      return PullRequests.resolve(merged.pullRequest(), context).finding();
    } else if (rule instanceof Rule.FileExists exists) {
      return fileExists(exists);
    } else if (rule instanceof Rule.FileMatches matches) {
      return fileMatches(matches);
    } else if (rule instanceof Rule.WorkflowCalls calls) {
      return workflowCalls(calls);
    } else if (rule instanceof Rule.RunsRealCommands real) {
      return runsRealCommands(real);
    } else if (rule instanceof Rule.WorkflowRuns runs) {
      return runs.consecutive() ? runRules.failureStreak(runs) : runRules.successes(runs);
    } else if (rule instanceof Rule.SuccessRatio ratio) {
      return runRules.successRatio(ratio);
    } else if (rule instanceof Rule.GateStatus gate) {
      return gateStatus(gate);
    } else if (rule instanceof Rule.Attestation attestation) {
      return attestation(attestation);
    } else if (rule instanceof Rule.Classified classified) {
      return new ScorecardRules(context).classified(classified);
    } else if (rule instanceof Rule.ScorecardMatches) {
      return new ScorecardRules(context).published(true);
    } else if (rule instanceof Rule.ScorecardDiverges) {
      return new ScorecardRules(context).published(false);
    } else if (rule instanceof Rule.CountedReposStable) {
      return new ScorecardRules(context).countedReposStable();
    } else if (rule instanceof Rule.AllOf all) {
      return allOf(all);
    } else if (rule instanceof Rule.AnyOf any) {
      return anyOf(any);
    } else if (rule instanceof Rule.Not not) {
      return not(not);
    }
    throw new IllegalStateException("no evaluator for " + rule.getClass().getSimpleName());
  }

  /** The file, or the finding that says why it cannot be read. */
  private record FileLookup(FileFact file, Finding blocker) {}

  private FileLookup lookUp(String repoName, String path, String ref) {
    RepoFacts repo = context.repo(repoName);
    Finding unusable = context.unusable(repoName, repo);
    if (unusable != null) {
      return new FileLookup(null, unusable);
    }
    String at = ref != null ? ref : context.defaultBranch(repo);
    FileFact file = context.file(repoName, repo, path, at);
    if (file == null) {
      return new FileLookup(
          null,
          Finding.error(
              path + " at " + at + " in " + repoName + " was not gathered",
              "the contents of " + path + " at " + at));
    }
    if (!file.exists()) {
      return new FileLookup(
          null,
          Finding.fail(
              path + " not found on " + at + " in " + repoName, path + " on " + at, List.of()));
    }
    return new FileLookup(file, null);
  }

  private Finding fileExists(Rule.FileExists rule) {
    FileLookup lookup = lookUp(rule.repo(), rule.path(), rule.ref());
    if (lookup.blocker() != null) {
      return lookup.blocker();
    }
    FileFact file = lookup.file();
    return Finding.pass(
        file.path() + " exists on " + file.ref() + " (blob " + Describe.shortSha(file.sha()) + ")",
        List.of(EvidenceOf.file(file).build()));
  }

  private Finding fileMatches(Rule.FileMatches rule) {
    FileLookup lookup = lookUp(rule.repo(), rule.path(), rule.ref());
    if (lookup.blocker() != null) {
      return lookup.blocker();
    }
    FileFact file = lookup.file();
    if (file.content() == null) {
      return Finding.error(
          "the text of " + file.path() + " was not gathered",
          "the contents of " + file.path() + " at " + file.ref());
    }
    Matcher matcher = rule.pattern().matcher(file.content());
    if (!matcher.find()) {
      String pattern = rule.pattern().pattern();
      String shown = pattern.length() <= 40 ? "/" + pattern + "/" : "its pattern (see 'explain')";
      return Finding.fail(
          "no line of " + file.path() + " on " + file.ref() + " matches " + shown,
          "a line in " + file.path() + " matching /" + rule.pattern().pattern() + "/",
          List.of(EvidenceOf.file(file).build()));
    }
    int line = lineOf(file.content(), matcher.start());
    String text = lineText(file.content(), matcher.start()).strip();
    String url = file.htmlUrl() == null ? null : file.htmlUrl() + "#L" + line;
    return Finding.pass(
        file.path() + " line " + line + ": " + text,
        List.of(
            Evidence.of("file", url)
                .with("path", file.path())
                .with("ref", file.ref())
                .with("sha", file.sha())
                .with("line", line)
                .with("text", text)
                .build()));
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String lineText(String text, int offset) {
    int start = text.lastIndexOf('\n', offset - 1) + 1;
    int end = text.indexOf('\n', offset);
    return text.substring(start, end < 0 ? text.length() : end);
  }

  /**
   * A workflow file read into jobs, with the file as evidence; or the finding that says why it
   * cannot be read.
   */
  private record Workflow(WorkflowFiles.Parsed parsed, List<Evidence> evidence, Finding blocker) {}

  private Workflow readWorkflow(String repo, String path) {
    FileLookup lookup = lookUp(repo, path, null);
    if (lookup.blocker() != null) {
      return new Workflow(null, List.of(), lookup.blocker());
    }
    FileFact file = lookup.file();
    if (file.content() == null) {
      return new Workflow(
          null,
          List.of(),
          Finding.error("the text of " + path + " was not gathered", "the contents of " + path));
    }
    List<Evidence> evidence = List.of(EvidenceOf.file(file).build());
    WorkflowFiles.Parsed parsed =
        context.workflowFiles.parse(repo + "/" + file.path() + "@" + file.ref(), file.content());
    if (parsed.problem() != null) {
      Finding unreadable =
          Finding.fail(
              Describe.fileName(path) + " is not a readable workflow: " + parsed.problem(),
              "a valid " + path,
              evidence);
      return new Workflow(parsed, evidence, unreadable);
    }
    return new Workflow(parsed, evidence, null);
  }

  private Finding workflowCalls(Rule.WorkflowCalls rule) {
    Workflow workflow = readWorkflow(rule.repo(), rule.workflow());
    if (workflow.blocker() != null) {
      return workflow.blocker();
    }
    String name = Describe.fileName(rule.workflow());
    WorkflowFiles.Parsed parsed = workflow.parsed();
    List<Evidence> evidence = workflow.evidence();
    List<String> nearMisses = new ArrayList<>();
    for (WorkflowFiles.Job job : parsed.jobs()) {
      if (rule.job() != null && !rule.job().equals(job.name())) {
        continue;
      }
      if (rule.uses() != null && (job.uses() == null || !rule.uses().matcher(job.uses()).find())) {
        continue;
      }
      List<String> wrong = new ArrayList<>();
      for (Map.Entry<String, List<String>> input : rule.with().entrySet()) {
        String actual = job.with().get(input.getKey());
        if (input.getValue().stream().noneMatch(allowed -> Objects.equals(allowed, actual))) {
          wrong.add(
              input.getKey()
                  + " is "
                  + (actual == null ? "absent" : "'" + actual + "'")
                  + ", expected "
                  + input.getValue().stream()
                      .map(v -> v == null ? "absent" : "'" + v + "'")
                      .toList());
        }
      }
      if (!rule.runsOn().isEmpty() && !job.runsOn().containsAll(rule.runsOn())) {
        wrong.add("runs-on is " + job.runsOn() + ", expected " + rule.runsOn());
      }
      if (wrong.isEmpty()) {
        List<String> shown = new ArrayList<>();
        rule.with()
            .keySet()
            .forEach(key -> shown.add(key + "=" + job.with().getOrDefault(key, "(absent)")));
        String calls = job.uses() != null ? " calls " + job.uses() : " runs on " + job.runsOn();
        return Finding.pass(
            name
                + ": job '"
                + job.name()
                + "'"
                + calls
                + (shown.isEmpty() ? "" : " with " + String.join(", ", shown)),
            evidence);
      }
      nearMisses.add("job '" + job.name() + "': " + String.join("; ", wrong));
    }
    String wanted =
        rule.uses() != null ? "calls /" + rule.uses().pattern() + "/" : "runs on " + rule.runsOn();
    if (nearMisses.isEmpty()) {
      return Finding.fail(
          "no job"
              + (rule.job() != null ? " '" + rule.job() + "'" : "")
              + " in "
              + name
              + " "
              + wanted,
          "a job in " + rule.workflow() + " that " + wanted,
          evidence);
    }
    return Finding.fail(
        name + ": " + String.join(" | ", nearMisses),
        "in "
            + rule.workflow()
            + ": "
            + String.join(" | ", nearMisses).replace(", expected", ", set to"),
        evidence);
  }

  /** Failure Mode 5: a proof job whose run steps only show state proves nothing about its lane. */
  private Finding runsRealCommands(Rule.RunsRealCommands rule) {
    Workflow workflow = readWorkflow(rule.repo(), rule.workflow());
    if (workflow.blocker() != null) {
      return workflow.blocker();
    }
    String name = Describe.fileName(rule.workflow());
    WorkflowFiles.Parsed parsed = workflow.parsed();
    List<Evidence> evidence = workflow.evidence();
    List<String> real = new ArrayList<>();
    List<String> synthetic = new ArrayList<>();
    List<String> lanesWithoutJob = new ArrayList<>(rule.lanes());
    for (WorkflowFiles.Job job : parsed.jobs()) {
      if (!rule.lanes().isEmpty() && rule.lanes().stream().noneMatch(job.runsOn()::contains)) {
        continue;
      }
      lanesWithoutJob.removeAll(job.runsOn());
      String command = job.firstRealCommand();
      if (command == null) {
        synthetic.add(job.name());
      } else {
        real.add(job.name() + ": " + command);
      }
    }
    if (!lanesWithoutJob.isEmpty()) {
      return Finding.fail(
          name + " has no job on " + String.join(", ", lanesWithoutJob),
          "a job on " + String.join(", ", lanesWithoutJob) + " that runs a real command",
          evidence);
    }
    if (!synthetic.isEmpty()) {
      return Finding.fail(
          name
              + ": synthetic-proof: job "
              + String.join(", ", synthetic)
              + " only echoes environment state (Failure Mode 5)",
          "one real lightweight command per lane in " + String.join(", ", synthetic),
          evidence);
    }
    if (real.isEmpty()) {
      return Finding.fail(name + " has no jobs", "a job that runs a real command", evidence);
    }
    return Finding.pass(name + ": " + String.join("; ", real), evidence);
  }

  private Finding gateStatus(Rule.GateStatus rule) {
    PrResult other = context.evaluated.get(rule.pr());
    if (other == null) {
      return Finding.error(rule.pr() + " was not evaluated", "an evaluation of " + rule.pr());
    }
    GateResult gate = other.gate(rule.gate().key());
    String summary = rule.pr() + " " + rule.gate().key() + " gate is " + gate.status();
    List<Evidence> evidence = new ArrayList<>();
    gate.checks().forEach(check -> evidence.addAll(check.evidence()));
    return switch (gate.status()) {
      case PASS -> Finding.pass(summary, evidence);
      case ERROR ->
          Finding.error(summary, rule.pr() + "'s " + rule.gate().key() + " gate to be decidable");
      case FAIL ->
          Finding.fail(summary, rule.pr() + "'s " + rule.gate().key() + " gate to pass", evidence);
      default ->
          Finding.pending(
              summary, rule.pr() + "'s " + rule.gate().key() + " gate to pass", evidence);
    };
  }

  /**
   * Attested, never measured: it passes only while unexpired, and says who vouched and until when.
   */
  private Finding attestation(Rule.Attestation rule) {
    Evidence evidence =
        Evidence.of("attestation", rule.link())
            .with("owner", rule.owner())
            .with("attested_at", rule.attestedAt())
            .with("expires", rule.expires())
            .build();
    if (rule.attestedAt() != null && rule.attestedAt().isAfter(context.at)) {
      return new Finding(
          Status.PENDING,
          "attested by " + rule.owner() + " only from " + Describe.time(rule.attestedAt()),
          "evaluate after " + Describe.time(rule.attestedAt()),
          true,
          List.of(evidence));
    }
    if (!rule.expires().isAfter(context.at)) {
      return new Finding(
          Status.PENDING,
          "attestation by "
              + rule.owner()
              + " expired "
              + Describe.time(rule.expires())
              + ": "
              + rule.reason(),
          "a renewed attestation from " + rule.owner() + " (a later 'expires')",
          true,
          List.of(evidence));
    }
    return new Finding(
        Status.PASS,
        "attested by "
            + rule.owner()
            + " until "
            + Describe.time(rule.expires())
            + ": "
            + rule.reason(),
        null,
        true,
        List.of(evidence));
  }

  private Finding allOf(Rule.AllOf rule) {
    List<Finding> findings = rule.rules().stream().map(this::evaluate).toList();
    Status status = Status.worst(findings.stream().map(Finding::status).toList());
    List<String> needs = findings.stream().map(Finding::needs).filter(Objects::nonNull).toList();
    return combine(status, findings, needs);
  }

  /**
   * Passes when one passes; otherwise an undecidable alternative (ERROR) might have passed, so it
   * outranks FAIL.
   */
  private Finding anyOf(Rule.AnyOf rule) {
    List<Finding> findings = rule.rules().stream().map(this::evaluate).toList();
    for (Finding finding : findings) {
      if (finding.status() == Status.PASS) {
        return finding;
      }
    }
    Status status = Status.anyOf(findings.stream().map(Finding::status).toList());
    List<String> needs = findings.stream().map(Finding::needs).filter(Objects::nonNull).toList();
    return new Finding(
        status,
        "none of the alternatives holds: "
            + String.join(" | ", findings.stream().map(Finding::summary).toList()),
        needs.isEmpty() ? null : "one of: " + String.join(" | ", needs),
        findings.stream().anyMatch(Finding::attested),
        findings.stream().flatMap(f -> f.evidence().stream()).toList());
  }

  private static Finding combine(Status status, List<Finding> all, List<String> needs) {
    return new Finding(
        status,
        String.join("; ", all.stream().map(Finding::summary).toList()),
        needs.isEmpty() ? null : String.join("; ", needs),
        all.stream().anyMatch(Finding::attested),
        all.stream().flatMap(f -> f.evidence().stream()).toList());
  }

  /** Swaps PASS and FAIL; what is undecided or not yet known stays so. */
  /** The status is negated ({@link Status#negate}); the wording says which way it went. */
  private Finding not(Rule.Not rule) {
    Finding inner = evaluate(rule.rule());
    Status status = inner.status().negate();
    if (status == inner.status()) {
      return inner;
    }
    return status == Status.PASS
        ? new Finding(
            status,
            "as required, it does not hold: " + inner.summary(),
            null,
            inner.attested(),
            inner.evidence())
        : Finding.fail(
            "it holds, and must not: " + inner.summary(),
            "the opposite of: " + inner.summary(),
            inner.evidence());
  }
}
