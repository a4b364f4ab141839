package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.FailureMode;
import io.flywheelgates.github.GitHubFactSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description =
          "One deadline for gathering all evidence; what is not in by then is reported as not obtained. Default: ${DEFAULT-VALUE}.")
  int timeoutSeconds;

  @Option(
      names = "--max-wait",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Wait for a spent rate limit to reset (or a secondary limit's Retry-After) only if it is this close; else exit 4. Default: ${DEFAULT-VALUE}.")
  int maxWaitSeconds;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "HTTP cache. Default: $XDG_CACHE_HOME/flywheel-gates, else ~/.cache/flywheel-gates.")
  Path cacheDir;

  @Option(names = "--no-cache", description = "Neither read nor write the HTTP cache.")
  boolean noCache;

  Instant deadline() {
    return Instant.now().plusSeconds(Math.max(1, timeoutSeconds));
  }

  Path cacheDir(Environment environment) {
    if (noCache) {
      return null;
    }
    if (cacheDir != null) {
      return cacheDir;
    }
    String xdg = environment.get("XDG_CACHE_HOME");
    Path root = xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return root.resolve("flywheel-gates").resolve("http");
  }

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
            .map(FailureMode::linesToKeep)
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
            cacheDir(environment),
            Duration.ofSeconds(Math.max(0, maxWaitSeconds)),
            logPatterns,
            verbose ? err : null));
  }
}
