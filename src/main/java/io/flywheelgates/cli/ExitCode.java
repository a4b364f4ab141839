package io.flywheelgates.cli;

import io.flywheelgates.verdict.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every exit code flywheel-gates returns, in one place; {@code --help} lists them from here. */
public enum ExitCode {
  GO(0, "GO: every PR asked about is GO"),
  NO_GO(1, "NO_GO: at least one PR is NO_GO or BLOCKED, none STOP or INCONCLUSIVE"),
  USAGE(2, "usage error, unreadable input, or invalid gate definitions"),
  STOP(3, "STOP: a stop condition fired (wins over everything else)"),
  INCONCLUSIVE(
      4,
      "INCONCLUSIVE: evidence could not be obtained (network, auth, rate limit, malformed response)"),
  INTERNAL_ERROR(
      70, "internal error: a bug in flywheel-gates; please report it with the message printed");

  public final int code;
  public final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public static ExitCode of(Verdict verdict) {
    return switch (verdict) {
      case GO -> GO;
      case NO_GO, BLOCKED -> NO_GO;
      case STOP -> STOP;
      case INCONCLUSIVE -> INCONCLUSIVE;
    };
  }

  /** For picocli's {@code exitCodeList}: code -> meaning, in declaration order. */
  static Map<String, String> helpList() {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode exit : values()) {
      // Right-aligned by hand: String.format would load the locale data on every start.
      String code = String.valueOf(exit.code);
      list.put(" ".repeat(Math.max(0, 3 - code.length())) + code, exit.meaning);
    }
    return list;
  }
}
