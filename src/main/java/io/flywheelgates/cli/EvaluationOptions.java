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

  @Option(
      names = "--snapshot",
      paramLabel = "FILE",
      description = "Evaluate offline from a recorded snapshot; no network is touched.")
  Path snapshot;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
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
