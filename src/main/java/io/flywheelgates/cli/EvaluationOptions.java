package io.flywheelgates.cli;

import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options every evaluating command shares (contract.md). */
final class EvaluationOptions {
  enum Format {
    text,
    json,
    markdown,
    junit,
    github
  }

  /** The command this is mixed into: its root may be reading the snapshot ahead. */
  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec mixee;

  @Option(
      names = "--snapshot",
      paramLabel = "FILE",
      description = "Evaluate offline from a recorded snapshot; no network is touched.")
  Path snapshot;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "Output format: ${COMPLETION-CANDIDATES} for check; text or json for triage and history;"
              + " text, json or markdown for scorecard. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description =
          "Evaluation time, ISO-8601 (2026-04-17T21:00:00Z). Default: now, or the snapshot's capture time.")
  Instant at;

  @Option(
      names = "--no-color",
      description = "No colour in text output (also: the NO_COLOR variable).")
  boolean noColor;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "On stderr: which gate definitions and facts were read, and how long evaluation took.")
  boolean verbose;

  /**
   * The snapshot named by {@code --snapshot}, read, with the evaluation instant and the source it
   * implies.
   */
  record Offline(
      io.flywheelgates.facts.Snapshot snapshot,
      Instant at,
      io.flywheelgates.verdict.Source source) {}

  Offline offline() throws io.flywheelgates.facts.SnapshotCodec.UnreadableSnapshotException {
    Preload preload = Preload.of(mixee);
    io.flywheelgates.facts.Snapshot read =
        preload != null
            ? preload.snapshot(snapshot)
            : new io.flywheelgates.facts.SnapshotCodec().read(snapshot);
    return new Offline(
        read,
        at != null ? at : read.capturedAt(),
        new io.flywheelgates.verdict.Source(
            "snapshot", snapshot.toString(), read.apiUrl(), read.capturedAt()));
  }

  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return value.length() == 10 ? Instant.parse(value + "T00:00:00Z") : Instant.parse(value);
      } catch (java.time.format.DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not an ISO-8601 instant; write it like 2026-04-17T21:00:00Z");
      }
    }
  }
}
