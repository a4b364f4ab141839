package io.flywheelgates.support;

import io.flywheelgates.definition.DefinitionLoader;
import io.flywheelgates.definition.Definitions;
import io.flywheelgates.facts.Facts;
import io.flywheelgates.facts.RepoFacts;
import io.flywheelgates.facts.Snapshot;
import io.flywheelgates.facts.SnapshotCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bundled gates and the example snapshot, as tests start from them. */
public final class Example {
  public static final Path SNAPSHOT = Path.of("examples/rollout-2026-04-17-evening.json");
  public static final Path GATES = Path.of("gates");

  private Example() {}

  public static Definitions gates() {
    try {
      return new DefinitionLoader().loadDirectory(GATES);
    } catch (Exception e) {
      throw new AssertionError("the bundled gates must load", e);
    }
  }

  public static Snapshot snapshot() {
    try {
      return new SnapshotCodec().read(SNAPSHOT);
    } catch (Exception e) {
      throw new AssertionError("the example snapshot must load", e);
    }
  }

  /** The example's facts with some repositories replaced by hand-built ones. */
  public static Facts factsWith(Facts replacements) {
    List<RepoFacts> repos = new ArrayList<>(replacements.repositories());
    for (RepoFacts repo : snapshot().repositories()) {
      if (replacements.repo(repo.fullName()).isEmpty()) {
        repos.add(repo);
      }
    }
    return new Facts(repos);
  }

  /** The example's facts less one repository: as if it was never gathered. */
  public static Facts factsWithout(String fullName) {
    return new Facts(
        snapshot().repositories().stream()
            .filter(repo -> !repo.fullName().equals(fullName))
            .toList());
  }
}
