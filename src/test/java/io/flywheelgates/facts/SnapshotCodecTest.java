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
        .hasMessageContaining("s.json:2:")
        .hasMessageContaining("\"tokn\"");
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
