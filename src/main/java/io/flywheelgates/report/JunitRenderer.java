package io.flywheelgates.report;

import io.flywheelgates.verdict.CheckResult;
import io.flywheelgates.verdict.Evidence;
import io.flywheelgates.verdict.GateResult;
import io.flywheelgates.verdict.PrResult;
import io.flywheelgates.verdict.RolloutVerdict;
import io.flywheelgates.verdict.Status;
import io.flywheelgates.verdict.StopResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The verdict as JUnit XML, so CI test reporters show the gates: a test suite per PR, a test case
 * per check and per stop condition. FAIL and PENDING are failures (a check that has not passed is
 * not a pass), ERROR is an error, WAITING is skipped; the failure message is what would flip it.
 */
public final class JunitRenderer implements Renderer {

  @Override
  public void render(RolloutVerdict verdict, PrintWriter out) {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "flywheel-gates " + verdict.verdict());
      Counts total = new Counts();
      for (PrResult pr : verdict.prs()) {
        total.add(counts(pr));
      }
      total.write(xml);
      for (PrResult pr : verdict.prs()) {
        suite(xml, pr);
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      out.println();
      out.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
  }

  private static void suite(XMLStreamWriter xml, PrResult pr) throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", pr.id() + " " + pr.title() + " (" + pr.verdict() + ")");
    counts(pr).write(xml);
    for (GateResult gate : pr.gates()) {
      for (CheckResult check : gate.checks()) {
        testcase(
            xml,
            pr.id() + "." + gate.type(),
            check.id(),
            check.status(),
            check.summary(),
            check.needs(),
            check.evidence());
      }
    }
    for (StopResult stop : pr.stopConditions()) {
      Status status =
          switch (stop.state()) {
            case TRIGGERED -> Status.FAIL;
            case UNDECIDED -> Status.ERROR;
            case CLEAR -> Status.PASS;
          };
      String needs =
          stop.triggered()
              ? "Response: "
                  + String.join("; ", stop.response())
                  + ". Rollback: "
                  + String.join("; ", pr.rollback())
              : stop.needs();
      testcase(xml, pr.id() + ".stop", stop.id(), status, stop.summary(), needs, stop.evidence());
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void testcase(
      XMLStreamWriter xml,
      String classname,
      String name,
      Status status,
      String summary,
      String needs,
      List<Evidence> evidence)
      throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", classname);
    xml.writeAttribute("name", name);
    xml.writeAttribute("time", "0");
    String element =
        switch (status) {
          case PASS -> null;
          case WAITING -> "skipped";
          case ERROR -> "error";
          case FAIL, PENDING -> "failure";
        };
    if (element != null) {
      xml.writeStartElement(element);
      xml.writeAttribute("message", needs != null ? needs : summary);
      if (!element.equals("skipped")) {
        xml.writeAttribute("type", status.name());
        List<String> lines = new ArrayList<>();
        lines.add(summary);
        evidence.stream()
            .map(Evidence::url)
            .filter(java.util.Objects::nonNull)
            .distinct()
            .forEach(lines::add);
        xml.writeCharacters(String.join("\n", lines));
      }
      xml.writeEndElement();
    } else {
      xml.writeStartElement("system-out");
      xml.writeCharacters(summary);
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static Counts counts(PrResult pr) {
    Counts counts = new Counts();
    for (GateResult gate : pr.gates()) {
      for (CheckResult check : gate.checks()) {
        counts.add(check.status());
      }
    }
    for (StopResult stop : pr.stopConditions()) {
      counts.add(
          stop.triggered()
              ? Status.FAIL
              : stop.state() == StopResult.State.UNDECIDED ? Status.ERROR : Status.PASS);
    }
    return counts;
  }

  private static final class Counts {
    int tests;
    int failures;
    int errors;
    int skipped;

    void add(Status status) {
      tests++;
      switch (status) {
        case FAIL, PENDING -> failures++;
        case ERROR -> errors++;
        case WAITING -> skipped++;
        case PASS -> {}
      }
    }

    void add(Counts other) {
      tests += other.tests;
      failures += other.failures;
      errors += other.errors;
      skipped += other.skipped;
    }

    void write(XMLStreamWriter xml) throws XMLStreamException {
      xml.writeAttribute("tests", String.valueOf(tests));
      xml.writeAttribute("failures", String.valueOf(failures));
      xml.writeAttribute("errors", String.valueOf(errors));
      xml.writeAttribute("skipped", String.valueOf(skipped));
    }
  }
}
