package io.flywheelgates.engine;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Small wording helpers shared by the rules, so every summary reads the same way. */
final class Describe {
  private Describe() {}

  static String shortSha(String sha) {
    return sha == null ? "unknown commit" : sha.substring(0, Math.min(7, sha.length()));
  }

  static String time(Instant instant) {
    return instant == null ? "an unknown time" : DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  static String runs(int count) {
    return count == 1 ? "1 run" : count + " runs";
  }

  static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  static String events(List<String> events) {
    return events.isEmpty() ? "any event" : String.join("/", events);
  }
}
