package io.flywheelgates.definition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Strict typed access to one YAML mapping. Every wrong type is recorded as a problem at the value's
 * location and the read returns null, so binding goes on and {@code validate} can report every
 * problem in one pass. {@link #finish()} reports the keys nobody asked for.
 */
final class MappingReader {
  private final YamlNode.Mapping mapping;
  private final List<Problem> problems;
  private final Set<String> read = new LinkedHashSet<>();

  MappingReader(YamlNode.Mapping mapping, List<Problem> problems) {
    this.mapping = mapping;
    this.problems = problems;
  }

  /** Returns a reader for {@code node}, or null (with a problem) when it is not a mapping. */
  static MappingReader of(YamlNode node, String what, List<Problem> problems) {
    if (node instanceof YamlNode.Mapping mapping) {
      return new MappingReader(mapping, problems);
    }
    problems.add(
        new Problem(node.location(), what + " must be a mapping, found " + node.describe()));
    return null;
  }

  /** A repository as GitHub names it: {@code owner/name}. */
  static boolean isOwnerName(String repo) {
    return repo.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
  }

  Location location() {
    return mapping.location();
  }

  boolean has(String key) {
    return mapping.entries().containsKey(key);
  }

  Set<String> keys() {
    return mapping.entries().keySet();
  }

  Location keyLocation(String key) {
    return mapping.entries().get(key).keyLocation();
  }

  /** The raw node under {@code key}, or null when absent; marks the key as read. */
  YamlNode node(String key) {
    read.add(key);
    YamlNode.Entry entry = mapping.entries().get(key);
    return entry == null ? null : entry.value();
  }

  YamlNode required(String key) {
    YamlNode node = node(key);
    if (node == null) {
      problems.add(new Problem(mapping.location(), "missing required key '" + key + "'"));
    }
    return node;
  }

  String text(String key) {
    YamlNode node = node(key);
    return node == null ? null : asText(node, key);
  }

  String requiredText(String key) {
    YamlNode node = required(key);
    return node == null ? null : asText(node, key);
  }

  String asText(YamlNode node, String what) {
    if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
      if (scalar.text().isBlank()) {
        problems.add(new Problem(node.location(), "'" + what + "' must not be empty"));
        return null;
      }
      return scalar.text();
    }
    problems.add(
        new Problem(node.location(), "'" + what + "' must be text, found " + node.describe()));
    return null;
  }

  List<String> textList(String key) {
    YamlNode node = node(key);
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof YamlNode.Sequence sequence)) {
      problems.add(
          new Problem(
              node.location(), "'" + key + "' must be a list of text, found " + node.describe()));
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (YamlNode item : sequence.items()) {
      String value = asText(item, key + " item");
      if (value != null) {
        values.add(value);
      }
    }
    return List.copyOf(values);
  }

  /** A sequence's items; a single mapping is not silently accepted as a list of one. */
  List<YamlNode> list(String key) {
    YamlNode node = node(key);
    if (node == null) {
      return List.of();
    }
    if (node instanceof YamlNode.Sequence sequence) {
      return sequence.items();
    }
    problems.add(
        new Problem(node.location(), "'" + key + "' must be a list, found " + node.describe()));
    return List.of();
  }

  Integer positiveInt(String key) {
    YamlNode node = node(key);
    if (node == null) {
      return null;
    }
    String text = asText(node, key);
    try {
      int value = text == null ? -1 : Integer.parseInt(text.trim());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    if (text != null) {
      problems.add(
          new Problem(
              node.location(),
              "'" + key + "' must be a whole number above 0, found '" + text + "'"));
    }
    return null;
  }

  Double ratio(String key) {
    YamlNode node = required(key);
    String text = node == null ? null : asText(node, key);
    if (text == null) {
      return null;
    }
    try {
      double value = Double.parseDouble(text.trim());
      if (value > 0 && value <= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        new Problem(
            node.location(), "'" + key + "' must be a number in (0, 1], found '" + text + "'"));
    return null;
  }

  Boolean bool(String key) {
    YamlNode node = node(key);
    if (node == null) {
      return null;
    }
    String text = asText(node, key);
    if ("true".equals(text) || "false".equals(text)) {
      return Boolean.valueOf(text);
    }
    if (text != null) {
      problems.add(
          new Problem(
              node.location(), "'" + key + "' must be true or false, found '" + text + "'"));
    }
    return null;
  }

  Instant instant(String key) {
    YamlNode node = node(key);
    return node == null ? null : asInstant(node, key);
  }

  /**
   * An ISO-8601 instant ({@code 2026-04-17T18:00:00Z}) or a date, read as the start of that day in
   * UTC.
   */
  Instant asInstant(YamlNode node, String what) {
    String text = asText(node, what);
    if (text == null) {
      return null;
    }
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(
          new Problem(
              node.location(),
              "'"
                  + what
                  + "' must be an ISO-8601 instant such as 2026-04-17T18:00:00Z or a date, found '"
                  + text
                  + "'"));
      return null;
    }
  }

  Pattern pattern(String key) {
    YamlNode node = node(key);
    return node == null ? null : asPattern(node, key);
  }

  /** A list of regular expressions; each that does not compile is a problem at its own location. */
  List<Pattern> patternList(String key) {
    List<Pattern> patterns = new ArrayList<>();
    for (YamlNode node : list(key)) {
      Pattern pattern = asPattern(node, key + " item");
      if (pattern != null) {
        patterns.add(pattern);
      }
    }
    return List.copyOf(patterns);
  }

  Pattern asPattern(YamlNode node, String what) {
    String text = asText(node, what);
    if (text == null) {
      return null;
    }
    try {
      return Pattern.compile(text, Pattern.MULTILINE);
    } catch (PatternSyntaxException e) {
      problems.add(
          new Problem(
              node.location(),
              "'"
                  + what
                  + "' is not a valid regular expression: "
                  + e.getDescription()
                  + " near index "
                  + e.getIndex()));
      return null;
    }
  }

  /** Reports every key that was present but never read, naming the keys that are allowed here. */
  void finish() {
    for (var entry : mapping.entries().entrySet()) {
      if (!read.contains(entry.getKey())) {
        problems.add(
            new Problem(
                entry.getValue().keyLocation(),
                "unknown key '" + entry.getKey() + "'; allowed here: " + String.join(", ", read)));
      }
    }
  }
}
