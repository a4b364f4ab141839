package io.flywheelgates.verdict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One piece of evidence a check looked at: a run, a job, a pull request, a file, an attestation.
 * {@code attributes} hold what identifies it (run id, SHA, times, lane) in a stable order; values
 * are text, numbers or booleans.
 */
public record Evidence(String kind, String url, Map<String, Object> attributes) {
  public Evidence {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  public static Builder of(String kind, String url) {
    return new Builder(kind, url);
  }

  /** The attribute as text, or null when absent. */
  public String attribute(String name) {
    Object value = attributes.get(name);
    return value == null ? null : value.toString();
  }

  public static final class Builder {
    private final String kind;
    private final String url;
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    private Builder(String kind, String url) {
      this.kind = kind;
      this.url = url;
    }

    /**
     * Adds an attribute; numbers and booleans keep their type, anything else becomes text, and a
     * null value is left out rather than written as "null".
     */
    public Builder with(String name, Object value) {
      if (value instanceof Number || value instanceof Boolean) {
        attributes.put(name, value);
      } else if (value != null) {
        attributes.put(name, value.toString());
      }
      return this;
    }

    public Evidence build() {
      return new Evidence(kind, url, attributes);
    }
  }
}
