package io.flywheelgates.github;

/**
 * What can go wrong talking to GitHub. {@link Unobtainable} costs one fact (its rules become
 * ERROR); {@link AuthRejected}, {@link RateLimited} and {@link Unusable} end the whole evaluation.
 * Messages never carry the token.
 */
public class GitHubException extends RuntimeException {
  GitHubException(String message) {
    super(message);
  }

  /** One fact could not be had: a persistent 5xx, a reset connection, malformed JSON. */
  public static final class Unobtainable extends GitHubException {
    Unobtainable(String message) {
      super(message);
    }
  }

  /** Fatal for the whole evaluation: a rejected token, a spent rate limit, an unusable API URL. */
  public static class Fatal extends GitHubException {
    Fatal(String message) {
      super(message);
    }
  }

  public static final class AuthRejected extends Fatal {
    AuthRejected(String message) {
      super(message);
    }
  }

  public static final class RateLimited extends Fatal {
    RateLimited(String message) {
      super(message);
    }
  }

  public static final class Unusable extends Fatal {
    Unusable(String message) {
      super(message);
    }
  }
}
