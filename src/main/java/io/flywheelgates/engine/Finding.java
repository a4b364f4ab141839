package io.flywheelgates.engine;

import io.flywheelgates.verdict.Evidence;
import io.flywheelgates.verdict.Status;
import java.util.List;

/**
 * What a rule found, before it is labelled with the rule's id: status, summary, what would flip it,
 * evidence.
 */
record Finding(
    Status status, String summary, String needs, boolean attested, List<Evidence> evidence) {

  static Finding pass(String summary, List<Evidence> evidence) {
    return new Finding(Status.PASS, summary, null, false, evidence);
  }

  static Finding fail(String summary, String needs, List<Evidence> evidence) {
    return new Finding(Status.FAIL, summary, needs, false, evidence);
  }

  static Finding pending(String summary, String needs, List<Evidence> evidence) {
    return new Finding(Status.PENDING, summary, needs, false, evidence);
  }

  /** Could not be decided: the evidence it needs is missing or unreadable. */
  static Finding error(String summary, String needs) {
    return new Finding(Status.ERROR, summary, needs, false, List.of());
  }
}
