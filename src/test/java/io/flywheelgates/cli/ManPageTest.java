package io.flywheelgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ManPageTest {

  @Test
  void theManPageSaysWhatTheHelpSays() {
    StringWriter page = new StringWriter();
    ManPage.write(new PrintWriter(page));
    String roff = page.toString();

    assertThat(roff)
        .startsWith(".TH FLYWHEEL-GATES 1")
        .contains(".SH NAME")
        .contains(".SH EXIT STATUS");
    for (String command :
        new String[] {
          "check",
          "list",
          "explain",
          "validate",
          "snapshot",
          "triage",
          "test",
          "history",
          "report",
          "version",
          "generate-completion"
        }) {
      assertThat(roff).contains(".SS " + command.replace("-", "\\-") + "\n");
    }
    assertThat(roff).doesNotContain(".SS warm\\-up");
    for (ExitCode exit : ExitCode.values()) {
      assertThat(roff).contains(".TP\n\\fB" + exit.code + "\\fR\n");
    }
    assertThat(roff).contains("\\fB\\-\\-snapshot\\fR \\fIFILE\\fR").doesNotContain("${");
  }

  @Test
  void roffMarkupInTextIsEscaped() {
    assertThat(ManPage.roff(".starts with a dot")).isEqualTo("\\&.starts with a dot");
    assertThat(ManPage.roff("a\\b --x")).isEqualTo("a\\eb \\-\\-x");
  }
}
