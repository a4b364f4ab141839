package io.flywheelgates.cli;

/**
 * The user asked for something that cannot be done as asked; the message says what to do instead.
 * Exit 2.
 */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
