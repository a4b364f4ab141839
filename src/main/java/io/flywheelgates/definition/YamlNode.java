package io.flywheelgates.definition;

import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node was written, so that every problem found
 * while binding it can name its {@code file:line:col}. Jackson's own tree forgets locations.
 */
sealed interface YamlNode {
  Location location();

  /** What a user would call this node in a message: "a mapping", "a list", "the text 'x'". */
  String describe();

  record Scalar(Location location, String text, boolean isNull) implements YamlNode {
    @Override
    public String describe() {
      return isNull ? "nothing (null)" : "'" + text + "'";
    }
  }

  record Sequence(Location location, List<YamlNode> items) implements YamlNode {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * Keys keep their order and their own location; duplicate keys are refused while the tree is
   * built.
   */
  record Mapping(Location location, Map<String, Entry> entries) implements YamlNode {
    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record Entry(Location keyLocation, YamlNode value) {}
}
