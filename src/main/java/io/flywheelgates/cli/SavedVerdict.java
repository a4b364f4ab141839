package io.flywheelgates.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flywheelgates.report.JsonRenderer;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a verdict saved by {@code check --format json}; anything else is refused with a message.
 */
final class SavedVerdict {
  private SavedVerdict() {}

  static JsonNode read(Path file) {
    JsonNode saved;
    try {
      saved = new ObjectMapper().readTree(file.toFile());
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new UsageException("saved verdict " + file + " does not exist");
    } catch (JsonProcessingException e) {
      throw new UsageException(file + ": not a JSON verdict: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UsageException("cannot read saved verdict " + file + ": " + e.getMessage());
    }
    if (saved == null || !JsonRenderer.SCHEMA.equals(saved.path("schema").asText())) {
      throw new UsageException(
          file + ": not a saved verdict (expected schema " + JsonRenderer.SCHEMA + ")");
    }
    return saved;
  }
}
