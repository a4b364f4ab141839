package io.flywheelgates.report;

/** Lets tests in other packages reach the renderer's escaping. */
public final class HtmlRendererAccess {
  private HtmlRendererAccess() {}

  public static String escape(String text) {
    return HtmlRenderer.esc(text);
  }
}
