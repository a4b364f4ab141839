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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The GitHub REST API over OkHttp: authentication, the pinned API version, pagination by {@code
 * Link: rel="next"}, conditional requests against the on-disk cache, retries of transient faults,
 * rate limits. The token goes only to the API's own host and never into a message, a log line or
 * the cache.
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
  private final HttpCache cache;
  private final Duration maxWait;
  private final PrintWriter verbose;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger notModified = new AtomicInteger();
  private final AtomicInteger cacheHits = new AtomicInteger();
  private final AtomicLong rateLimitRemaining = new AtomicLong(-1);
  private volatile boolean closed;

  GitHubApi(
      String apiUrl,
      String token,
      String userAgent,
      Duration timeout,
      int maxTries,
      HttpCache cache,
      Duration maxWait,
      PrintWriter verbose) {
    HttpUrl parsed = HttpUrl.parse(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
    if (parsed == null) {
      throw new GitHubException.Unusable("not an http(s) URL: --api-url " + apiUrl);
    }
    this.base = parsed;
    this.token = token;
    this.userAgent = userAgent;
    this.maxTries = maxTries;
    this.cache = cache;
    this.maxWait = maxWait;
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

  /**
   * Cancels every request in flight and refuses new ones: once the evaluation is over (done, past
   * its deadline, or ended by a fatal answer) nothing it started may go on talking to GitHub.
   */
  void close() {
    closed = true;
    http.dispatcher().cancelAll();
    logs.dispatcher().cancelAll();
  }

  int requestCount() {
    return requests.get();
  }

  int notModifiedCount() {
    return notModified.get();
  }

  int cacheHitCount() {
    return cacheHits.get();
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

  Answer get(HttpUrl url) {
    return get(url, false);
  }

  /**
   * GET a URL on the API's own host (one of ours, or a next page GitHub handed out). An {@code
   * immutable} answer is cached for good and then served with no request; any other cached answer
   * is revalidated with its ETag, and a 304 costs no rate limit.
   */
  Answer get(HttpUrl url, boolean immutable) {
    if (!sameOrigin(url)) {
      throw new GitHubException.Unobtainable(
          "GitHub pointed to another host for the next page: " + url.host());
    }
    String key = url.toString();
    HttpCache.Entry cached = cache == null ? null : cache.read(key);
    if (cached != null && cached.immutable()) {
      cacheHits.incrementAndGet();
      log("GET " + describe(url) + " cache hit");
      return answer(url, cached.body(), cached.link());
    }
    try (Response response =
        execute(http, apiRequest(url, cached == null ? null : cached.etag()), url)) {
      int status = response.code();
      if (status == 304 && cached != null) {
        notModified.incrementAndGet();
        return answer(url, cached.body(), cached.link());
      }
      if (status == 404) {
        return new Answer(false, null, null);
      }
      if (status != 200) {
        throw new GitHubException.Unobtainable("GET " + url.encodedPath() + " answered " + status);
      }
      String text = response.body().string();
      Answer answer = answer(url, text, response.header("Link"));
      if (cache != null) {
        cache.write(
            key,
            new HttpCache.Entry(response.header("ETag"), immutable, text, response.header("Link")));
      }
      return answer;
    } catch (IOException e) {
      throw new GitHubException.Unobtainable(
          "GET " + url.encodedPath() + " failed: " + e.getMessage());
    }
  }

  /**
   * Every page of a list, following {@code Link: rel="next"} up to {@code maxPages}; each page's
   * items to the sink.
   */
  boolean getPages(
      HttpUrl first, String itemsField, int maxPages, boolean immutable, Consumer<JsonNode> sink) {
    Answer page = get(first, immutable);
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
      page = get(next, immutable);
    }
  }

  /**
   * Text that never changes once made (a finished job's log excerpt): from the cache, or made now
   * and kept.
   */
  String immutableText(String key, Supplier<String> make) {
    HttpCache.Entry cached = cache == null ? null : cache.read(key);
    if (cached != null && cached.immutable()) {
      cacheHits.incrementAndGet();
      log(key + " cache hit");
      return cached.body();
    }
    String text = make.get();
    if (cache != null) {
      cache.write(key, new HttpCache.Entry(null, true, text, null));
    }
    return text;
  }

  /**
   * Streams a job's log line by line to {@code lines}; GitHub redirects to storage on another host,
   * which gets no token.
   */
  void streamLog(HttpUrl url, Consumer<String> lines) {
    String path = url.encodedPath();
    try (Response redirect = execute(http, apiRequest(url, null), url)) {
      int status = redirect.code();
      String location = redirect.header("Location");
      if (status == 404 || status == 410) {
        throw new GitHubException.Unobtainable("the log at " + path + " is gone (" + status + ")");
      }
      if (status == 200) {
        readLines(redirect, lines);
        return;
      }
      if (status / 100 != 3 || location == null) {
        throw new GitHubException.Unobtainable("GET " + path + " answered " + status);
      }
      HttpUrl storage = url.resolve(location);
      if (storage == null) {
        throw new GitHubException.Unobtainable(
            "GET " + path + " redirected to an unreadable location");
      }
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
          "reading the log at " + path + " failed: " + e.getMessage());
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

  private static Answer answer(HttpUrl url, String text, String link) {
    JsonNode body;
    try {
      body = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new GitHubException.Unobtainable(
          "GET " + url.encodedPath() + " answered with malformed JSON: " + e.getOriginalMessage());
    }
    if (body == null || body.isMissingNode()) {
      throw new GitHubException.Unobtainable(
          "GET " + url.encodedPath() + " answered with an empty body");
    }
    return new Answer(true, body, nextPage(link));
  }

  private Request apiRequest(HttpUrl url, String etag) {
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
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    return request.build();
  }

  /**
   * Executes with retries: 5xx, connection resets and timeouts are tried again with exponential
   * backoff and jitter, a rate limit after its wait when that is within {@code --max-wait}. 401 and
   * a rate limit too long to wait for end the whole evaluation. The caller closes the returned
   * response.
   */
  private Response execute(OkHttpClient client, Request request, HttpUrl url) throws IOException {
    IOException lastFailure = null;
    for (int attempt = 1; attempt <= maxTries; attempt++) {
      if (attempt > 1 && lastFailure != null) {
        sleep(backoff(attempt));
      }
      if (closed) {
        throw new GitHubException.Unobtainable("not asked: the evaluation is over");
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
      if (status == 403 || status == 429) {
        Duration wait = rateLimitWait(response);
        if (wait != null) {
          response.close();
          if (attempt == maxTries) {
            throw new GitHubException.RateLimited(
                "the GitHub rate limit was still in force after waiting for it");
          }
          log("waiting " + wait.toSeconds() + " s for the rate limit");
          sleep(wait);
          lastFailure = null;
          continue;
        }
      }
      if (status >= 500 && attempt < maxTries) {
        response.close();
        lastFailure = new IOException(status + " from " + url.host());
        continue;
      }
      return response;
    }
    throw lastFailure != null ? lastFailure : new IOException("no answer from " + url.host());
  }

  /**
   * How long to wait before trying again when a 403/429 is a rate limit: the secondary limit's
   * {@code Retry-After}, or the primary limit's reset. Null when it is not a rate limit. A wait
   * longer than {@code --max-wait} ends the evaluation at once, naming when to try again.
   */
  private Duration rateLimitWait(Response response) {
    String retryAfter = response.header("Retry-After");
    Duration wait;
    String what;
    if (retryAfter != null) {
      try {
        wait = Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
      } catch (NumberFormatException e) {
        wait = Duration.ofSeconds(60);
      }
      what = "GitHub's secondary rate limit asks to retry after " + wait.toSeconds() + " s";
    } else if ("0".equals(response.header("x-ratelimit-remaining"))) {
      String reset = response.header("x-ratelimit-reset");
      Instant resetAt = Instant.now().plus(Duration.ofHours(1));
      try {
        resetAt = reset == null ? resetAt : Instant.ofEpochSecond(Long.parseLong(reset.trim()));
      } catch (NumberFormatException e) {
        // keep the hour: the header is unreadable, the limit is not
      }
      wait = Duration.between(Instant.now(), resetAt).plusSeconds(1);
      wait = wait.isNegative() ? Duration.ofSeconds(1) : wait;
      what = "the GitHub rate limit is spent; it resets at " + resetAt;
    } else {
      return null;
    }
    if (wait.compareTo(maxWait) > 0) {
      throw new GitHubException.RateLimited(
          what
              + " (longer than --max-wait "
              + maxWait.toSeconds()
              + " s)"
              + (token == null ? "; set GH_TOKEN for 5,000 requests an hour instead of 60" : ""));
    }
    return wait;
  }

  private static Duration backoff(int attempt) {
    long millis = 200L << (attempt - 2);
    return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
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
    log(
        "GET "
            + describe(request.url())
            + " "
            + outcome
            + (rateLimitRemaining.get() >= 0
                ? " (rate limit " + rateLimitRemaining.get() + " left)"
                : ""));
  }

  private void log(String line) {
    if (verbose != null) {
      synchronized (verbose) {
        verbose.println(line);
        verbose.flush();
      }
    }
  }

  private static String describe(HttpUrl url) {
    return url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
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
