package io.flywheelgates.facts;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes snapshot files. Reading is strict: an unknown field or another schema is
 * refused, not guessed.
 */
public final class SnapshotCodec {
  /** Writing binds the records; reading streams ({@link SnapshotReader}). */
  private static final class Writer {
    private static final ObjectMapper MAPPER =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // Only record components are data; helpers such as RunFact.isCompleted() are not
            // written.
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
  }

  /** A snapshot that cannot be used, with a message that says which file and why. */
  public static final class UnreadableSnapshotException extends Exception {
    public UnreadableSnapshotException(String message) {
      super(message);
    }
  }

  public Snapshot read(Path file) throws UnreadableSnapshotException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new UnreadableSnapshotException("snapshot file " + file + " does not exist");
    } catch (IOException e) {
      throw new UnreadableSnapshotException("cannot read snapshot " + file + ": " + e.getMessage());
    }
  }

  public Snapshot read(InputStream in, String name) throws UnreadableSnapshotException {
    Snapshot snapshot;
    try {
      snapshot = SnapshotReader.read(in);
    } catch (SnapshotReader.Refused e) {
      var at = e.location;
      String where = at == null ? name : name + ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new UnreadableSnapshotException(where + ": not a valid snapshot: " + e.getMessage());
    } catch (IOException e) {
      throw new UnreadableSnapshotException("cannot read snapshot " + name + ": " + e.getMessage());
    }
    if (snapshot == null || !Snapshot.SCHEMA.equals(snapshot.schema())) {
      String found = snapshot == null ? "nothing" : "'" + snapshot.schema() + "'";
      throw new UnreadableSnapshotException(
          name
              + ": not a snapshot this version reads: expected schema '"
              + Snapshot.SCHEMA
              + "', found "
              + found);
    }
    if (snapshot.capturedAt() == null) {
      throw new UnreadableSnapshotException(name + ": the snapshot has no captured_at time");
    }
    return snapshot;
  }

  /**
   * Writes atomically: a reader never sees half a snapshot, and a failed write leaves the old file
   * intact.
   */
  public void write(Snapshot snapshot, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try {
        // A temporary file is private; the snapshot it becomes is meant to be shared.
        Files.setPosixFilePermissions(
            temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: its defaults apply
      }
      try (OutputStream out = Files.newOutputStream(temp)) {
        Writer.MAPPER.writeValue(out, snapshot);
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  public void write(Snapshot snapshot, OutputStream out) throws IOException {
    Writer.MAPPER.writeValue(out, snapshot);
  }
}
