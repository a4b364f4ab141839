package io.flywheelgates.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flywheelgates.facts.SnapshotCodec;
import io.flywheelgates.support.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is read ahead is only ever what the command would have read itself. */
class PreloadTest {
  @TempDir Path temp;

  @Test
  void onlyCommandsThatReadGatesOrSnapshotsStartReading() {
    assertThat(Preload.startFor(new String[] {"version"})).isNull();
    assertThat(Preload.startFor(new String[] {"check", "--help"})).isNull();
    assertThat(Preload.startFor(new String[] {"validate"})).isNull();
    assertThat(Preload.startFor(new String[] {"check", "--gates", "elsewhere"})).isNull();
    assertThat(Preload.startFor(new String[] {"check", "--all"})).isNotNull();
    assertThat(Preload.startFor(new String[] {"check", "--gates=g", "--snapshot", "a\0b"}))
        .isNull();
  }

  @Test
  void explicitGatesAreNotGuessedAndAnotherSnapshotIsReadAsAsked() throws Exception {
    Path guessed = temp.resolve("guessed.json");
    Path asked = temp.resolve("asked.json");
    Files.copy(Example.SNAPSHOT, guessed);
    Files.writeString(
        asked,
        Files.readString(Example.SNAPSHOT).replace("2026-04-17T21:30:00Z", "2026-04-17T22:00:00Z"));

    Preload preload =
        Preload.startFor(new String[] {"check", "--gates=mine", "--snapshot", guessed.toString()});

    assertThat(preload.gates()).isNull();
    assertThat(preload.snapshot(asked).capturedAt()).hasToString("2026-04-17T22:00:00Z");
    assertThat(preload.snapshot(guessed).capturedAt()).hasToString("2026-04-17T21:30:00Z");
  }

  @Test
  void aSnapshotThatCannotBeReadFailsAsItWouldHaveWithoutReadingAhead() throws Exception {
    Path broken = temp.resolve("broken.json");
    Files.writeString(broken, "{\"schema\": 7}");

    Preload preload = Preload.startFor(new String[] {"check", "--snapshot=" + broken});

    assertThatThrownBy(() -> preload.snapshot(broken))
        .isInstanceOf(SnapshotCodec.UnreadableSnapshotException.class)
        .hasMessage(broken + ":1:12: not a valid snapshot: 'schema' must be text, found a number");
  }
}
