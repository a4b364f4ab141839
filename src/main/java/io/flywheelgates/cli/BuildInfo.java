package io.flywheelgates.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and commit stamped into the jar at build time. */
final class BuildInfo {
  private BuildInfo() {}

  static String version() {
    return stamp().getProperty("version", "unknown");
  }

  static String versionLine() {
    Properties stamp = stamp();
    return "flywheel-gates "
        + stamp.getProperty("version", "unknown")
        + " (commit "
        + stamp.getProperty("commit", "unknown")
        + ")"
        + ", Java "
        + System.getProperty("java.version")
        + " ("
        + System.getProperty("java.vendor")
        + ")";
  }

  private static Properties stamp() {
    Properties stamp = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/flywheel-gates-build.properties")) {
      if (in != null) {
        stamp.load(in);
      }
    } catch (IOException e) {
      // an unreadable stamp reads as "unknown"; the Java version is still worth printing
    }
    return stamp;
  }
}
