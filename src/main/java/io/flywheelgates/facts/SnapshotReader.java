package io.flywheelgates.facts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a snapshot token by token into our records. Strict like the format: a field this version
 * does not know, a wrong type or a null where a number or a flag belongs is refused with its line
 * and column. Streaming rather than data binding because a check reads a snapshot on every start:
 * binding costs the introspection of every record and a configured object mapper, a third of what a
 * whole offline check takes (docs/benchmarks.md).
 */
final class SnapshotReader {
  private static final JsonFactory JSON = new JsonFactory();

  /** Refused input, with where it was refused. */
  static final class Refused extends Exception {
    final JsonLocation location;

    Refused(String message, JsonLocation location) {
      super(message);
      this.location = location;
    }
  }

  private final JsonParser parser;

  /** Where the field being read is named: an unknown field is reported there. */
  private JsonLocation fieldAt;

  private SnapshotReader(JsonParser parser) {
    this.parser = parser;
  }

  static Snapshot read(InputStream in) throws IOException, Refused {
    try (JsonParser parser = JSON.createParser(in)) {
      SnapshotReader reader = new SnapshotReader(parser);
      if (parser.nextToken() == null) {
        return null;
      }
      Snapshot snapshot = reader.snapshot();
      if (parser.nextToken() != null) {
        throw reader.refused("more than one JSON document");
      }
      return snapshot;
    } catch (JsonParseException e) {
      throw new Refused(e.getOriginalMessage(), e.getLocation());
    }
  }

  /** One object: each field name is handed to {@code field}, positioned on its value. */
  private interface Fields {
    void field(String name) throws IOException, Refused;
  }

  private void object(String what, Fields fields) throws IOException, Refused {
    expect(JsonToken.START_OBJECT, what);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      fieldAt = parser.currentTokenLocation();
      parser.nextToken();
      fields.field(name);
    }
  }

  private interface Item<T> {
    T read() throws IOException, Refused;
  }

  /** A list, or null for JSON null. */
  private <T> List<T> list(String what, Item<T> item) throws IOException, Refused {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(JsonToken.START_ARRAY, what);
    List<T> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(item.read());
    }
    return items;
  }

  private Snapshot snapshot() throws IOException, Refused {
    Values v = new Values();
    object(
        "a snapshot",
        name -> {
          switch (name) {
            case "schema", "api_url" -> v.put(name, text(name));
            case "captured_at" -> v.put(name, instant(name));
            case "repositories" -> v.put(name, list(name, this::repository));
            default -> throw unknown(name, "a snapshot");
          }
        });
    return new Snapshot(
        v.text("schema"), v.instant("captured_at"), v.text("api_url"), v.list("repositories"));
  }

  private RepoFacts repository() throws IOException, Refused {
    Values v = new Values();
    object(
        "a repository",
        name -> {
          switch (name) {
            case "full_name", "default_branch", "html_url" -> v.put(name, text(name));
            case "found" -> v.put(name, flag(name));
            case "pull_requests" -> v.put(name, list(name, this::pullRequest));
            case "touched_paths_searched", "workflow_files" -> v.put(name, texts(name));
            case "files" -> v.put(name, list(name, this::file));
            case "workflows" -> v.put(name, list(name, this::workflow));
            default -> throw unknown(name, "a repository");
          }
        });
    return new RepoFacts(
        v.text("full_name"),
        v.flag("found"),
        v.text("default_branch"),
        v.text("html_url"),
        v.list("pull_requests"),
        v.list("touched_paths_searched"),
        v.list("files"),
        v.list("workflows"),
        v.list("workflow_files"));
  }

  private PullRequestFact pullRequest() throws IOException, Refused {
    Values v = new Values();
    object(
        "a pull request",
        name -> {
          switch (name) {
            case "number" -> v.put(name, number(name));
            case "title", "state", "merge_commit_sha", "head_ref", "base_ref", "html_url" ->
                v.put(name, text(name));
            case "merged" -> v.put(name, flag(name));
            case "merged_at" -> v.put(name, instant(name));
            case "files" -> v.put(name, texts(name));
            default -> throw unknown(name, "a pull request");
          }
        });
    return new PullRequestFact(
        (int) v.number("number"),
        v.text("title"),
        v.text("state"),
        v.flag("merged"),
        v.instant("merged_at"),
        v.text("merge_commit_sha"),
        v.text("head_ref"),
        v.text("base_ref"),
        v.text("html_url"),
        v.list("files"));
  }

  private FileFact file() throws IOException, Refused {
    Values v = new Values();
    object(
        "a file",
        name -> {
          switch (name) {
            case "path", "ref", "sha", "html_url", "content" -> v.put(name, text(name));
            case "exists" -> v.put(name, flag(name));
            default -> throw unknown(name, "a file");
          }
        });
    return new FileFact(
        v.text("path"),
        v.text("ref"),
        v.flag("exists"),
        v.text("sha"),
        v.text("html_url"),
        v.text("content"));
  }

  private WorkflowFacts workflow() throws IOException, Refused {
    Values v = new Values();
    object(
        "a workflow",
        name -> {
          switch (name) {
            case "path", "name", "html_url" -> v.put(name, text(name));
            case "found" -> v.put(name, flag(name));
            case "id" -> v.put(name, number(name));
            case "runs" -> v.put(name, list(name, this::run));
            default -> throw unknown(name, "a workflow");
          }
        });
    return new WorkflowFacts(
        v.text("path"),
        v.flag("found"),
        v.number("id"),
        v.text("name"),
        v.text("html_url"),
        v.list("runs"));
  }

  private RunFact run() throws IOException, Refused {
    Values v = new Values();
    object(
        "a run",
        name -> {
          switch (name) {
            case "name", "head_branch", "head_sha", "event", "status", "conclusion", "html_url" ->
                v.put(name, text(name));
            case "id", "run_attempt" -> v.put(name, number(name));
            case "created_at" -> v.put(name, instant(name));
            case "jobs" -> v.put(name, list(name, this::job));
            default -> throw unknown(name, "a run");
          }
        });
    return new RunFact(
        v.number("id"),
        v.text("name"),
        v.text("head_branch"),
        v.text("head_sha"),
        v.text("event"),
        v.text("status"),
        v.text("conclusion"),
        (int) v.number("run_attempt"),
        v.instant("created_at"),
        v.text("html_url"),
        v.list("jobs"));
  }

  private JobFact job() throws IOException, Refused {
    Values v = new Values();
    object(
        "a job",
        name -> {
          switch (name) {
            case "name", "status", "conclusion", "runner_name", "runner_group_name", "html_url" ->
                v.put(name, text(name));
            case "id" -> v.put(name, number(name));
            case "labels" -> v.put(name, texts(name));
            case "started_at", "completed_at" -> v.put(name, instant(name));
            case "steps" -> v.put(name, list(name, this::step));
            case "log" -> v.put(name, log());
            default -> throw unknown(name, "a job");
          }
        });
    return new JobFact(
        v.number("id"),
        v.text("name"),
        v.text("status"),
        v.text("conclusion"),
        v.list("labels"),
        v.text("runner_name"),
        v.text("runner_group_name"),
        v.instant("started_at"),
        v.instant("completed_at"),
        v.text("html_url"),
        v.list("steps"),
        v.get("log", LogExcerpt.class));
  }

  private JobFact.StepFact step() throws IOException, Refused {
    Values v = new Values();
    object(
        "a step",
        name -> {
          switch (name) {
            case "number" -> v.put(name, number(name));
            case "name", "status", "conclusion" -> v.put(name, text(name));
            default -> throw unknown(name, "a step");
          }
        });
    return new JobFact.StepFact(
        (int) v.number("number"), v.text("name"), v.text("status"), v.text("conclusion"));
  }

  private LogExcerpt log() throws IOException, Refused {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    Values v = new Values();
    object(
        "a log excerpt",
        name -> {
          switch (name) {
            case "lines" -> v.put(name, list(name, this::line));
            case "total_lines" -> v.put(name, number(name));
            default -> throw unknown(name, "a log excerpt");
          }
        });
    return new LogExcerpt(v.list("lines"), v.number("total_lines"));
  }

  private LogExcerpt.Line line() throws IOException, Refused {
    Values v = new Values();
    object(
        "a log line",
        name -> {
          switch (name) {
            case "number" -> v.put(name, number(name));
            case "text" -> v.put(name, text(name));
            default -> throw unknown(name, "a log line");
          }
        });
    return new LogExcerpt.Line(v.number("number"), v.text("text"));
  }

  // ----- values

  private String text(String name) throws Refused {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw refused("'" + name + "' must be text, found " + describe(token));
    }
    try {
      return parser.getText();
    } catch (IOException e) {
      throw refused("'" + name + "' cannot be read: " + e.getMessage());
    }
  }

  private List<String> texts(String name) throws IOException, Refused {
    return list(name, () -> text(name + " item"));
  }

  private boolean flag(String name) throws Refused {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    throw refused("'" + name + "' must be true or false, found " + describe(token));
  }

  private long number(String name) throws IOException, Refused {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw refused("'" + name + "' must be a whole number, found " + describe(token));
    }
    return parser.getLongValue();
  }

  private Instant instant(String name) throws Refused {
    String text = text(name);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw refused("'" + name + "' must be an ISO-8601 instant, found '" + text + "'");
    }
  }

  private void expect(JsonToken token, String what) throws Refused {
    if (parser.currentToken() != token) {
      throw refused(
          what
              + " must be "
              + (token == JsonToken.START_OBJECT ? "an object" : "a list")
              + ", found "
              + describe(parser.currentToken()));
    }
  }

  private Refused unknown(String name, String what) {
    return new Refused("unknown field '" + name + "' in " + what, fieldAt);
  }

  private Refused refused(String message) {
    return new Refused(message, parser.currentTokenLocation());
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the file";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "text";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "true or false";
      case VALUE_NULL -> "null";
      default -> token.asString();
    };
  }

  /**
   * The fields read so far. A field left out reads as null, false or 0, as in the records a
   * snapshot was written from.
   */
  private static final class Values {
    private final java.util.Map<String, Object> values = new java.util.HashMap<>();

    void put(String name, Object value) {
      values.put(name, value);
    }

    <T> T get(String name, Class<T> type) {
      return type.cast(values.get(name));
    }

    String text(String name) {
      return (String) values.get(name);
    }

    boolean flag(String name) {
      return Boolean.TRUE.equals(values.get(name));
    }

    long number(String name) {
      Object value = values.get(name);
      return value == null ? 0 : (Long) value;
    }

    Instant instant(String name) {
      return (Instant) values.get(name);
    }

    @SuppressWarnings("unchecked")
    <T> List<T> list(String name) {
      return (List<T>) values.get(name);
    }
  }
}
