package io.flywheelgates.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flywheelgates.support.Example;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotCodecTest {
  private final SnapshotCodec codec = new SnapshotCodec();

  @TempDir Path temp;

  @Test
  void whatIsWrittenReadsBackEqual() throws Exception {
    Snapshot example = Example.snapshot();
    Path file = temp.resolve("copy.json");

    codec.write(example, file);

    assertThat(codec.read(file)).isEqualTo(example);
    assertThat(Files.readString(file)).as("helpers are not data").doesNotContain("\"completed\" :");
  }

  @Test
  void runsAreKeptNewestFirstWhateverTheFileOrder() {
    WorkflowFacts workflow = Example.snapshot().repositories().get(0).workflows().get(0);

    assertThat(workflow.runs())
        .isSortedAccordingTo((a, b) -> b.createdAt().compareTo(a.createdAt()));
  }

  @Test
  void anUnknownFieldIsRefusedWithItsLocation() {
    String json =
        "{\"schema\": \"flywheel-gates/snapshot@1\", \"captured_at\": \"2026-04-17T00:00:00Z\",\n"
            + " \"api_url\": \"https://api.github.com\", \"repositories\": [], \"tokn\": \"x\"}";

    assertThatThrownBy(
            () ->
                codec.read(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "s.json"))
        .isInstanceOf(SnapshotCodec.UnreadableSnapshotException.class)
        .hasMessage("s.json:2:59: not a valid snapshot: unknown field 'tokn' in a snapshot");
  }

  @Test
  void wrongTypesNullFlagsAndBrokenJsonAreRefusedWithTheirLocation() {
    String head =
        "{\"schema\": \"flywheel-gates/snapshot@1\", \"captured_at\": \"2026-04-17T00:00:00Z\",\n";

    assertThat(refusal(head + " \"repositories\": [{\"full_name\": 7}]}"))
        .isEqualTo("s.json:2:33: not a valid snapshot: 'full_name' must be text, found a number");
    assertThat(refusal(head + " \"repositories\": [{\"found\": null}]}"))
        .isEqualTo("s.json:2:29: not a valid snapshot: 'found' must be true or false, found null");
    assertThat(refusal(head + " \"repositories\": {}}"))
        .isEqualTo(
            "s.json:2:18: not a valid snapshot: repositories must be a list, found an object");
    assertThat(refusal("{\"captured_at\": \"yesterday\"}"))
        .isEqualTo(
            "s.json:1:17: not a valid snapshot: 'captured_at' must be an ISO-8601 instant, found 'yesterday'");
    assertThat(refusal(head + " \"repositories\": ["))
        .startsWith("s.json:2:")
        .contains("not a valid snapshot");
    assertThat(refusal("[]"))
        .isEqualTo("s.json:1:1: not a valid snapshot: a snapshot must be an object, found a list");
  }

  private String refusal(String json) {
    try {
      codec.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "s.json");
    } catch (SnapshotCodec.UnreadableSnapshotException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void aSnapshotWithoutCaptureTimeIsRefused() {
    String json =
        "{\"schema\": \"flywheel-gates/snapshot@1\", \"api_url\": \"https://api.github.com\"}";

    assertThatThrownBy(
            () ->
                codec.read(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "s.json"))
        .hasMessageContaining("no captured_at");
  }
}
