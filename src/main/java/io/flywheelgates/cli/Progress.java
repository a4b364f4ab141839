package io.flywheelgates.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A progress line on stderr while gathering evidence takes over a second: for a person at a
 * terminal only, never in machine formats, verbose runs or CI logs. Closing it clears the line.
 */
final class Progress implements AutoCloseable {
  private final PrintWriter err;
  private final ScheduledExecutorService timer;
  private volatile String status = "starting";
  private boolean shown;

  private Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    if (enabled) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "progress");
                thread.setDaemon(true);
                return thread;
              });
      timer.scheduleAtFixedRate(this::draw, 1000, 500, TimeUnit.MILLISECONDS);
    } else {
      timer = null;
    }
  }

  static Progress none(PrintWriter err) {
    return new Progress(err, false);
  }

  /** Shown only to a person: an interactive run, text output, not verbose, not in CI. */
  static Progress forPerson(
      Environment environment, boolean textOutput, boolean verbose, PrintWriter err) {
    boolean person =
        environment.interactive()
            && textOutput
            && !verbose
            && environment.get("CI") == null
            && environment.get("GITHUB_ACTIONS") == null;
    return new Progress(err, person);
  }

  void status(String now) {
    status = now;
  }

  private synchronized void draw() {
    err.print("\r\u001b[Kflywheel-gates: gathering evidence from GitHub, " + status + " ...");
    err.flush();
    shown = true;
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    if (shown) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
