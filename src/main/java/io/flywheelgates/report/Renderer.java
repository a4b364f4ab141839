package io.flywheelgates.report;

import io.flywheelgates.verdict.RolloutVerdict;
import java.io.PrintWriter;

/** Verdict in, characters out. */
public interface Renderer {
  void render(RolloutVerdict verdict, PrintWriter out);
}
