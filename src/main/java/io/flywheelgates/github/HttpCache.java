package io.flywheelgates.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * GitHub answers on disk, one file per URL. Lists and metadata are stored with their ETag and
 * always revalidated (a 304 costs no rate limit); what never changes (the jobs of a finished run
 * attempt, a finished job's log excerpt) is stored as immutable and served with no request at all.
 *
 * <p>Writes go to a temporary file renamed into place, so a reader (another process sharing the
 * cache) sees a whole entry or none; an entry that does not parse is deleted and fetched again,
 * never trusted. Only GitHub's bodies and ETags are stored: never a request header, so never the
 * token.
 */
final class HttpCache {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORMAT = "flywheel-gates/http-cache@1";

  /** A stored answer. {@code link} is the pagination header that came with it. */
  record Entry(String etag, boolean immutable, String body, String link) {}

  private final Path dir;

  HttpCache(Path dir) {
    this.dir = dir;
  }

  Entry read(String key) {
    Path file = fileFor(key);
    try {
      JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (node == null
          || !FORMAT.equals(node.path("format").asText())
          || !key.equals(node.path("key").asText())
          || !node.path("body").isTextual()) {
        discard(file);
        return null;
      }
      return new Entry(
          node.path("etag").isTextual() ? node.path("etag").asText() : null,
          node.path("immutable").asBoolean(false),
          node.path("body").asText(),
          node.path("link").isTextual() ? node.path("link").asText() : null);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | RuntimeException e) {
      discard(file);
      return null;
    }
  }

  void write(String key, Entry entry) {
    Path file = fileFor(key);
    ObjectNode node = JSON.createObjectNode();
    node.put("format", FORMAT);
    node.put("key", key);
    node.put("etag", entry.etag());
    node.put("immutable", entry.immutable());
    node.put("link", entry.link());
    node.put("body", entry.body());
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try {
        Files.writeString(temp, JSON.writeValueAsString(node), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      // A cache that cannot be written only costs requests next time.
    }
  }

  private static void discard(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // left for the next writer to replace
    }
  }

  private Path fileFor(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      String name = HexFormat.of().formatHex(digest);
      return dir.resolve(name.substring(0, 2)).resolve(name + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
