package io.flywheelgates.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report opened in a real browser: Debian's headless Chromium (installed by .ci/run when
 * missing) renders the page from the example snapshot; the test reads what it rendered, what it
 * logged to its console and what it tried to fetch, and keeps a screenshot in target/browser/.
 * Without Chromium on the machine the test is skipped, saying so.
 */
class BrowserReportTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path OUT = Path.of("target/browser");
  private static final Pattern CARD = Pattern.compile("<article id=\"pr-\\d\" class=\"pr\"");

  /** What the browser made of a page. */
  private record Rendered(String dom, List<String> console, List<String> pageRequests) {}

  @BeforeAll
  static void needsChromium() {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "headless Chromium is not installed here (.ci/run installs it)");
  }

  @Test
  void theReportRendersEveryCardWithNoConsoleErrorsAndNoRequestLeavingTheFile() throws Exception {
    Files.createDirectories(OUT);
    Path page = OUT.resolve("rollout.html").toAbsolutePath();
    CliRunner.Result result =
        new CliRunner()
            .run(
                "report",
                "-o",
                page.toString(),
                "--snapshot",
                "examples/rollout-2026-04-18-morning-stop.json");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);

    Rendered rendered = render(page, OUT.resolve("rollout.png").toAbsolutePath());

    assertThat(CARD.matcher(rendered.dom()).results().count()).isEqualTo(6);
    assertThat(rendered.dom()).contains("Rollout gates: <span class=\"badge STOP\">STOP</span>");
    assertThat(rendered.dom())
        .contains("<h2 id=\"scorecard-title\">Tier scorecard</h2>")
        .contains("Runner dogfood: <strong>2 of 5 (40%)</strong>");
    assertThat(rendered.console()).isEmpty();
    assertThat(rendered.pageRequests()).isEmpty();
    assertThat(OUT.resolve("rollout.png")).isNotEmptyFile();
  }

  /**
   * The checks above can fail: a page with a script error and an image from elsewhere is caught on
   * both counts.
   */
  @Test
  void aBrokenPageIsCaught() throws Exception {
    Files.createDirectories(OUT);
    Path broken = OUT.resolve("broken.html").toAbsolutePath();
    Files.writeString(
        broken,
        "<!DOCTYPE html><html lang=\"en\"><head><title>broken</title></head><body>"
            + "<h1>broken</h1><img src=\"http://example.invalid/pixel.png\" alt=\"\">"
            + "<script>notDefinedAnywhere();</script></body></html>");

    Rendered rendered = render(broken, OUT.resolve("broken.png").toAbsolutePath());

    assertThat(CARD.matcher(rendered.dom()).results().count()).isZero();
    assertThat(rendered.console()).anyMatch(line -> line.contains("notDefinedAnywhere"));
    assertThat(rendered.pageRequests()).contains("http://example.invalid/pixel.png");
  }

  /**
   * Renders the page twice: once for the DOM, the console and a log of every network request, once
   * for the screenshot. Every host name resolves to nothing, so no request can leave this machine;
   * the network log still shows what the page tried.
   */
  private static Rendered render(Path page, Path screenshot) throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile");
    Path netLog = profile.resolve("net-log.json");
    List<String> base =
        List.of(
            CHROMIUM.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-domain-reliability",
            "--no-pings",
            "--disable-breakpad",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--user-data-dir=" + profile);
    List<String> dump = new ArrayList<>(base);
    dump.addAll(
        List.of(
            "--enable-logging=stderr",
            "--v=0",
            "--log-net-log=" + netLog,
            "--dump-dom",
            page.toUri().toString()));
    Process process = new ProcessBuilder(dump).start();
    String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String log = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
    List<String> console = log.lines().filter(line -> line.contains(":CONSOLE")).toList();

    List<String> pageRequests = new ArrayList<>();
    JsonNode events = new ObjectMapper().readTree(netLog.toFile()).path("events");
    for (JsonNode event : events) {
      JsonNode params = event.path("params");
      String url = params.path("url").asText("");
      // A request the page made carries the page's (opaque, file://) origin as its initiator;
      // Chromium's own
      // background requests say "not an origin".
      if (params.path("initiator").asText("").equals("null")
          && !url.startsWith("file:")
          && !url.startsWith("data:")
          && !pageRequests.contains(url)) {
        pageRequests.add(url);
      }
    }
    List<String> shot = new ArrayList<>(base);
    shot.addAll(
        List.of("--window-size=1200,2400", "--screenshot=" + screenshot, page.toUri().toString()));
    Process screenshotProcess = new ProcessBuilder(shot).redirectErrorStream(true).start();
    screenshotProcess.getInputStream().readAllBytes();
    assertThat(screenshotProcess.waitFor(90, TimeUnit.SECONDS)).isTrue();
    return new Rendered(dom, console, pageRequests);
  }
}
