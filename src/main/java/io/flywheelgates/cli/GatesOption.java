package io.flywheelgates.cli;

import io.flywheelgates.definition.DefinitionLoader;
import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.InvalidDefinitionsException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --gates DIR}, shared by every command that reads gate definitions. */
final class GatesOption {
  @Option(
      names = "--gates",
      paramLabel = "DIR",
      description =
          "Gate definitions directory (with rollout.yaml). Default: ./gates when it exists, else the definitions bundled in the jar.")
  Path gates;

  /** The command this option is mixed into: its root may already be reading the default gates. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  Definitions load() throws InvalidDefinitionsException {
    Preload preload = Preload.of(mixee);
    Definitions read = gates == null && preload != null ? preload.gates() : null;
    return read != null ? read : load(gates);
  }

  static Definitions load(Path explicit) throws InvalidDefinitionsException {
    DefinitionLoader loader = new DefinitionLoader();
    if (explicit != null) {
      if (!Files.isRegularFile(explicit.resolve(DefinitionLoader.ROLLOUT_FILE))) {
        throw new UsageException(
            "no "
                + DefinitionLoader.ROLLOUT_FILE
                + " in gate directory '"
                + explicit
                + "'; point --gates at a directory like gates/ of this repository");
      }
      return loader.loadDirectory(explicit);
    }
    Path local = Path.of("gates");
    if (Files.isRegularFile(local.resolve(DefinitionLoader.ROLLOUT_FILE))) {
      return loader.loadDirectory(local);
    }
    return loader.loadBundled();
  }
}
