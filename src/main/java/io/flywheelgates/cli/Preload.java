package io.flywheelgates.cli;

import io.flywheelgates.definition.Definitions;
import io.flywheelgates.definition.InvalidDefinitionsException;
import io.flywheelgates.facts.Snapshot;
import io.flywheelgates.facts.SnapshotCodec;
import io.flywheelgates.facts.SnapshotCodec.UnreadableSnapshotException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reads, on a second thread, what the command line will most likely need while picocli builds its
 * model on the first: the default gate definitions (./gates, else the bundled ones) and the file
 * named by {@code --snapshot}. Each takes tens of milliseconds of a start-up a person waits for,
 * and machines have more than one core. A guess only: what a command gets is what it would have
 * read itself (the same default, the same path), or it reads for itself.
 */
final class Preload {
  private static final Set<String> READERS =
      Set.of("check", "list", "explain", "snapshot", "scorecard", "triage", "history", "report");

  private final FutureTask<Definitions> gates;
  private final Path snapshotPath;
  private final FutureTask<Snapshot> snapshot;

  private Preload(boolean readGates, Path snapshotPath) {
    this.gates = readGates ? new FutureTask<>(() -> GatesOption.load(null)) : null;
    this.snapshotPath = snapshotPath;
    this.snapshot =
        snapshotPath == null
            ? null
            : new FutureTask<>(() -> new SnapshotCodec().read(snapshotPath));
  }

  /** What the command line of this (mixed-in) command is reading ahead; null when nothing. */
  static Preload of(picocli.CommandLine.Model.CommandSpec spec) {
    return spec != null && spec.root().userObject() instanceof FlywheelGatesCommand top
        ? top.preload
        : null;
  }

  /** Starts reading what this command line will read; null when there is nothing to guess. */
  static Preload startFor(String[] args) {
    List<String> words = List.of(args);
    if (args.length == 0
        || !READERS.contains(args[0])
        || words.contains("-h")
        || words.contains("--help")) {
      return null;
    }
    boolean readGates = words.stream().noneMatch(word -> word.startsWith("--gates"));
    Path snapshotPath = null;
    try {
      for (int i = 1; i < args.length; i++) {
        if (args[i].equals("--snapshot") && i + 1 < args.length) {
          snapshotPath = Path.of(args[i + 1]);
        } else if (args[i].startsWith("--snapshot=")) {
          snapshotPath = Path.of(args[i].substring("--snapshot=".length()));
        }
      }
    } catch (InvalidPathException e) {
      // Not a path: the command line's own parsing says so.
      snapshotPath = null;
    }
    if (!readGates && snapshotPath == null) {
      return null;
    }
    Preload preload = new Preload(readGates, snapshotPath);
    Thread thread =
        new Thread(
            () -> {
              if (preload.gates != null) {
                preload.gates.run();
              }
              if (preload.snapshot != null) {
                preload.snapshot.run();
              }
            },
            "preload");
    thread.setDaemon(true);
    thread.start();
    return preload;
  }

  /** The default definitions, or the problems found in them, as if read here; null if not read. */
  Definitions gates() throws InvalidDefinitionsException {
    if (gates == null) {
      return null;
    }
    try {
      return result(gates);
    } catch (InvalidDefinitionsException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      return GatesOption.load(null);
    }
  }

  /** The snapshot at {@code path}, read ahead when it is the one guessed, else read now. */
  Snapshot snapshot(Path path) throws UnreadableSnapshotException {
    if (snapshot == null || !snapshotPath.equals(path)) {
      return new SnapshotCodec().read(path);
    }
    try {
      return result(snapshot);
    } catch (UnreadableSnapshotException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      return new SnapshotCodec().read(path);
    }
  }

  /** The task's result, or the exception it ended with, rethrown as thrown there. */
  private static <T> T result(FutureTask<T> task) throws Exception {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      throw (Error) cause;
    }
  }
}
