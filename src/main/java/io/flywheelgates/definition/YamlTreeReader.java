package io.flywheelgates.definition;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into a {@link YamlNode} tree, token by token, keeping each token's
 * location.
 */
final class YamlTreeReader {
  private static final YAMLFactory YAML = new YAMLFactory();

  private final String file;
  private final List<Problem> problems;

  YamlTreeReader(String file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** Returns the document's root, or null (with a problem recorded) when the text is not YAML. */
  YamlNode read(String text) {
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(new Problem(new Location(file, 1, 1), "the file is empty"));
        return null;
      }
      return readValue(parser);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      Location location = at == null ? new Location(file, 1, 1) : locationOf(at);
      problems.add(new Problem(location, "not valid YAML: " + firstLines(e.getOriginalMessage())));
      return null;
    } catch (IOException e) {
      problems.add(new Problem(new Location(file, 1, 1), "cannot read: " + e.getMessage()));
      return null;
    }
  }

  /**
   * SnakeYAML's message quotes the source with a caret; keep only its sentences, which the location
   * already places.
   */
  private static String firstLines(String message) {
    StringBuilder kept = new StringBuilder();
    for (String line : message.split("\\R")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        kept.append(kept.length() == 0 ? "" : "; ").append(line.strip());
      }
    }
    return kept.toString();
  }

  private YamlNode readValue(JsonParser parser) throws IOException {
    Location at = locationOf(parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        return readMapping(parser, at);
      case START_ARRAY:
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(readValue(parser));
        }
        return new YamlNode.Sequence(at, List.copyOf(items));
      case VALUE_NULL:
        return new YamlNode.Scalar(at, "", true);
      default:
        return new YamlNode.Scalar(at, parser.getText(), false);
    }
  }

  private YamlNode readMapping(JsonParser parser, Location at) throws IOException {
    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Location keyAt = locationOf(parser.currentTokenLocation());
      parser.nextToken();
      YamlNode value = readValue(parser);
      YamlNode.Entry previous = entries.putIfAbsent(key, new YamlNode.Entry(keyAt, value));
      if (previous != null) {
        problems.add(
            new Problem(
                keyAt,
                "duplicate key '"
                    + key
                    + "' (first at line "
                    + previous.keyLocation().line()
                    + ")"));
      }
    }
    return new YamlNode.Mapping(at, java.util.Collections.unmodifiableMap(entries));
  }

  private Location locationOf(JsonLocation at) {
    return new Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
  }
}
