package io.flywheelgates.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The GitHub REST API over OkHttp: authentication, the pinned API version, pagination by {@code
 * Link: rel="next"}, retries of transient faults. The token goes only to the API's own host and
 * never into a message.
 */
final class GitHubApi {
  static final String API_VERSION = "2022-11-28";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

  /** One JSON answer: 404 gives {@code found} false and no body. */
  record Answer(boolean found, JsonNode body, String nextPage) {}

  private final OkHttpClient http;
  private final OkHttpClient logs;
  private final HttpUrl base;
  private final String token;
  private final String userAgent;
  private final int maxTries;
  private final PrintWriter verbose;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong rateLimitRemaining = new AtomicLong(-1);

  GitHubApi(
      String apiUrl,
      String token,
      String userAgent,
      Duration timeout,
      int maxTries,
      PrintWriter verbose) {
    HttpUrl parsed = HttpUrl.parse(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
    if (parsed == null) {
      throw new GitHubException.Unusable("not an http(s) URL: --api-url " + apiUrl);
    }
    this.base = parsed;
    this.token = token;
    this.userAgent = userAgent;
    this.maxTries = maxTries;
    this.verbose = verbose;
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .callTimeout(timeout.multipliedBy(2))
            .followRedirects(false)
            .build();
    // Job logs answer with a redirect to short-lived storage on another host: followed, without the
    // token.
    this.logs = http.newBuilder().followRedirects(true).followSslRedirects(true).build();
  }

  String apiUrl() {
    return base.toString();
  }

  int requestCount() {
    return requests.get();
  }

  long rateLimitRemaining() {
    return rateLimitRemaining.get();
  }

  /**
   * A URL below the API root: {@code segments} such as {@code
   * repos/o/r/contents/.github/workflows/ci.yml} (each segment encoded), then query name/value
   * pairs.
   */
  HttpUrl url(String segments, String... query) {
    HttpUrl.Builder url = base.newBuilder().addPathSegments(segments);
    for (int i = 0; i + 1 < query.length; i += 2) {
      url.addQueryParameter(query[i], query[i + 1]);
    }
    return url.build();
  }

  /** GET a URL that GitHub handed out (a {@code next} page); only ever on the API's own host. */
  Answer get(HttpUrl url) {
    if (!sameOrigin(url)) {
      throw new GitHubException.Unobtainable(
          "GitHub pointed to another host for the next page: " + url.host());
    }
    try (Response response = execute(http, apiRequest(url), url)) {
      int status = response.code();
      if (status == 404) {
        return new Answer(false, null, null);
      }
      if (status != 200) {
        throw new GitHubException.Unobtainable("GET " + url.encodedPath() + " answered " + status);
      }
      String text = response.body().string();
      JsonNode body;
      try {
        body = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        throw new GitHubException.Unobtainable(
            "GET "
                + url.encodedPath()
                + " answered with malformed JSON: "
                + e.getOriginalMessage());
      }
      if (body == null || body.isMissingNode()) {
        throw new GitHubException.Unobtainable(
            "GET " + url.encodedPath() + " answered with an empty body");
      }
      return new Answer(true, body, nextPage(response.header("Link")));
    } catch (IOException e) {
      throw new GitHubException.Unobtainable(
          "GET " + url.encodedPath() + " failed: " + e.getMessage());
    }
  }

  /**
   * Every page of a list, following {@code Link: rel="next"} up to {@code maxPages}; each page's
   * items to the sink.
   */
  boolean getPages(HttpUrl first, String itemsField, int maxPages, Consumer<JsonNode> sink) {
    Answer page = get(first);
    if (!page.found()) {
      return false;
    }
    for (int pages = 1; ; pages++) {
      JsonNode items = itemsField == null ? page.body() : page.body().get(itemsField);
      if (items == null || !items.isArray()) {
        throw new GitHubException.Unobtainable(
            "GET " + first.encodedPath() + " answered without a '" + itemsField + "' list");
      }
      items.forEach(sink);
      if (page.nextPage() == null || pages >= maxPages) {
        return true;
      }
      HttpUrl next = HttpUrl.parse(page.nextPage());
      if (next == null) {
        throw new GitHubException.Unobtainable("GitHub gave an unreadable next-page link");
      }
      page = get(next);
    }
  }

  /**
   * Streams a job's log line by line to {@code lines}; GitHub redirects to storage on another host,
   * which gets no token.
   */
  void streamLog(HttpUrl url, Consumer<String> lines) {
    String path = url.encodedPath();
    try (Response redirect = execute(http, apiRequest(url), url)) {
      int status = redirect.code();
      String location = redirect.header("Location");
      if (status == 404 || status == 410) {
        throw new GitHubException.Unobtainable("the log of " + path + " is gone (" + status + ")");
      }
      if (status == 200) {
        readLines(redirect, lines);
        return;
      }
      if (status / 100 != 3 || location == null) {
        throw new GitHubException.Unobtainable("GET " + url.encodedPath() + " answered " + status);
      }
      HttpUrl storage = url.resolve(location);
      Request plain =
          new Request.Builder().url(storage).header("User-Agent", userAgent).get().build();
      try (Response log = execute(logs, plain, storage)) {
        if (log.code() != 200) {
          throw new GitHubException.Unobtainable(
              "the log storage answered " + log.code() + " for " + path);
        }
        readLines(log, lines);
      }
    } catch (IOException e) {
      throw new GitHubException.Unobtainable(
          "reading the log of " + path + " failed: " + e.getMessage());
    }
  }

  private static void readLines(Response response, Consumer<String> lines) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(response.body().byteStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.accept(line);
      }
    }
  }

  private Request apiRequest(HttpUrl url) {
    Request.Builder request =
        new Request.Builder()
            .url(url)
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", API_VERSION)
            .header("User-Agent", userAgent)
            .get();
    if (token != null && sameOrigin(url)) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  /**
   * Executes with retries: 5xx, connection resets and timeouts are tried again with exponential
   * backoff and jitter. 401 and a spent rate limit end the whole evaluation; the caller closes the
   * returned response.
   */
  private Response execute(OkHttpClient client, Request request, HttpUrl url) throws IOException {
    IOException lastFailure = null;
    for (int attempt = 1; attempt <= maxTries; attempt++) {
      if (attempt > 1) {
        sleep(backoff(attempt));
      }
      Response response;
      try {
        requests.incrementAndGet();
        response = client.newCall(request).execute();
      } catch (IOException e) {
        lastFailure = e;
        log(request, "failed: " + e.getClass().getSimpleName());
        continue;
      }
      recordRateLimit(response);
      log(request, String.valueOf(response.code()));
      int status = response.code();
      if (status == 401) {
        response.close();
        throw new GitHubException.AuthRejected(
            "GitHub rejected the token (401 Unauthorized); check GH_TOKEN or GITHUB_TOKEN");
      }
      if ((status == 403 || status == 429)
          && "0".equals(response.header("x-ratelimit-remaining"))) {
        String reset = response.header("x-ratelimit-reset");
        response.close();
        throw new GitHubException.RateLimited(
            "the GitHub rate limit is spent"
                + (reset == null
                    ? ""
                    : "; it resets at " + Instant.ofEpochSecond(Long.parseLong(reset.trim())))
                + (token == null ? "; set GH_TOKEN for 5,000 requests an hour instead of 60" : ""));
      }
      if (status >= 500 && attempt < maxTries) {
        response.close();
        continue;
      }
      return response;
    }
    throw lastFailure != null ? lastFailure : new IOException("no answer from " + url.host());
  }

  private static Duration backoff(int attempt) {
    long base = 200L << (attempt - 2);
    return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitHubException.Unobtainable("interrupted");
    }
  }

  private void recordRateLimit(Response response) {
    String remaining = response.header("x-ratelimit-remaining");
    if (remaining != null) {
      try {
        rateLimitRemaining.set(Long.parseLong(remaining.trim()));
      } catch (NumberFormatException e) {
        // a header we cannot read tells us nothing
      }
    }
  }

  private void log(Request request, String outcome) {
    if (verbose != null) {
      synchronized (verbose) {
        verbose.println(
            "GET "
                + request.url().encodedPath()
                + (request.url().encodedQuery() == null ? "" : "?" + request.url().encodedQuery())
                + " "
                + outcome
                + (rateLimitRemaining.get() >= 0
                    ? " (rate limit " + rateLimitRemaining.get() + " left)"
                    : ""));
        verbose.flush();
      }
    }
  }

  private boolean sameOrigin(HttpUrl url) {
    return url.scheme().equals(base.scheme())
        && url.host().equals(base.host())
        && url.port() == base.port();
  }

  private static String nextPage(String link) {
    if (link == null) {
      return null;
    }
    Matcher matcher = NEXT.matcher(link);
    return matcher.find() ? matcher.group(1) : null;
  }
}
