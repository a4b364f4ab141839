package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.FailureMode;
import io.flywheelgates.github.GitHubFactSource;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** How to reach GitHub: shared by every command that reads live evidence. */
final class GitHubOptions {
  static final String DEFAULT_API_URL = "https://api.github.com";

  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description =
          "GitHub REST base URL (GitHub Enterprise: https://HOST/api/v3). Default: $GITHUB_API_URL, else "
              + DEFAULT_API_URL
              + ".")
  String apiUrl;

  @Option(
      names = "--request-timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "Give up on one request after this long (it is retried). Default: ${DEFAULT-VALUE}.")
  int requestTimeoutSeconds;

  String apiUrl(Environment environment) {
    if (apiUrl != null) {
      return apiUrl;
    }
    String fromEnvironment = environment.get("GITHUB_API_URL");
    return fromEnvironment != null ? fromEnvironment : DEFAULT_API_URL;
  }

  /**
   * Opens a live source. The token comes from GH_TOKEN, else GITHUB_TOKEN, and is never shown;
   * without one, says once on stderr that only public repositories at 60 requests an hour can be
   * read.
   */
  GitHubFactSource open(
      Definitions definitions, Environment environment, PrintWriter err, boolean verbose) {
    String token = environment.get("GH_TOKEN");
    if (token == null) {
      token = environment.get("GITHUB_TOKEN");
    }
    if (token == null) {
      err.println(
          "flywheel-gates: no GH_TOKEN or GITHUB_TOKEN; reading public repositories without a token (60 requests an hour)");
      err.flush();
    }
    List<Pattern> logPatterns =
        definitions.rollout().failureModes().stream()
            .map(FailureMode::logPatterns)
            .flatMap(List::stream)
            .toList();
    return new GitHubFactSource(
        new GitHubFactSource.Settings(
            apiUrl(environment),
            token,
            "flywheel-gates/" + BuildInfo.version(),
            Duration.ofSeconds(Math.max(1, requestTimeoutSeconds)),
            3,
            8,
            3,
            logPatterns,
            verbose ? err : null));
  }
}
