package io.flywheelgates.definition;

import java.time.Instant;

/** The earliest moment a run may come from: a fixed instant, or the merge of a pull request. */
public sealed interface Since {
  record At(Instant instant) implements Since {}

  record MergeOf(PullRequestRef pullRequest) implements Since {}
}
