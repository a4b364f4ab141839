package io.flywheelgates.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with captured output and an environment of the test's choosing. */
final class CliRunner {
  record Result(int exitCode, String out, String err) {}

  /**
   * Tests never reach the real GitHub (unless a test names its fake, the API is a closed loopback
   * port) and never share the user's HTTP cache: each runner has a cache directory of its own.
   */
  private final Map<String, String> env =
      new HashMap<>(
          Map.of("GITHUB_API_URL", "http://127.0.0.1:9", "XDG_CACHE_HOME", freshCacheHome()));

  private static String freshCacheHome() {
    try {
      return java.nio.file.Files.createTempDirectory("flywheel-gates-test-cache").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  String cacheHome() {
    return env.get("XDG_CACHE_HOME");
  }

  private boolean interactive;
  private final java.util.List<Result> results = new java.util.ArrayList<>();

  /** Everything this runner has run, for checks that span a whole test. */
  java.util.List<Result> results() {
    return java.util.List.copyOf(results);
  }

  /** As if stdout were a terminal. */
  CliRunner interactive() {
    interactive = true;
    return this;
  }

  CliRunner env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), env, interactive);
    Result result = new Result(code, out.toString(), err.toString());
    results.add(result);
    return result;
  }
}
