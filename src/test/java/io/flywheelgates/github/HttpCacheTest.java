package io.flywheelgates.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpCacheTest {
  @TempDir Path dir;

  @Test
  void whatIsWrittenReadsBack() {
    HttpCache cache = new HttpCache(dir);
    cache.write(
        "https://api/x", new HttpCache.Entry("\"abc\"", true, "{\"a\":1}", "<next>; rel=\"next\""));

    assertThat(cache.read("https://api/x"))
        .isEqualTo(new HttpCache.Entry("\"abc\"", true, "{\"a\":1}", "<next>; rel=\"next\""));
    assertThat(cache.read("https://api/y")).isNull();
  }

  @Test
  void aTruncatedEntryIsDiscardedNotTrusted() throws Exception {
    HttpCache cache = new HttpCache(dir);
    cache.write(
        "k", new HttpCache.Entry(null, true, "{\"long\": \"" + "x".repeat(200) + "\"}", null));
    Path file;
    try (var files = Files.walk(dir)) {
      file = files.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.length() / 2));

    assertThat(cache.read("k")).isNull();
    assertThat(file).doesNotExist();
  }

  /**
   * Two writers and a reader on one entry, as two processes sharing a cache: a reader sees a whole
   * entry or none.
   */
  @Test
  void concurrentWritersNeverLeaveAHalfWrittenEntry() throws Exception {
    HttpCache writerA = new HttpCache(dir);
    HttpCache writerB = new HttpCache(dir);
    HttpCache reader = new HttpCache(dir);
    String bodyA = "{\"by\": \"a\", \"pad\": \"" + "a".repeat(50_000) + "\"}";
    String bodyB = "{\"by\": \"b\", \"pad\": \"" + "b".repeat(50_000) + "\"}";
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> writers = new ArrayList<>();
      writers.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 200; i++) {
                  writerA.write("shared", new HttpCache.Entry("\"a\"", false, bodyA, null));
                }
              }));
      writers.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 200; i++) {
                  writerB.write("shared", new HttpCache.Entry("\"b\"", false, bodyB, null));
                }
              }));
      int seen = 0;
      while (writers.stream().anyMatch(w -> !w.isDone())) {
        HttpCache.Entry entry = reader.read("shared");
        if (entry != null) {
          seen++;
          assertThat(entry.body()).isIn(bodyA, bodyB);
          assertThat(entry.etag()).isEqualTo(entry.body().equals(bodyA) ? "\"a\"" : "\"b\"");
        }
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
      assertThat(seen).isPositive();
      assertThat(reader.read("shared").body()).isIn(bodyA, bodyB);
    } finally {
      pool.shutdownNow();
    }
  }
}
