package dev.hypernd.control;

/** The {@code error.code} values of the control protocol ({@code docs/protocol.md}). */
public enum ErrorCode {
  /** The line is not a JSON object, a field has the wrong type or value, or is not known. */
  BAD_REQUEST,
  UNKNOWN_VERB,
  MISSING_FIELD,
  /** The line is longer than the limit; the connection is closed. */
  TOO_LARGE,
  /** No such job or task. */
  NOT_FOUND,
  /** The task or job is not in a state that allows the request. */
  BAD_STATE,
  /** The peer's user may not use this socket; the connection is closed. */
  FORBIDDEN,
  /** {@code wait} ended before the task did. */
  TIMEOUT,
  /** The daemon has too many connections; the connection is closed. */
  BUSY,
  /** A bug or an unexpected failure inside the daemon; it is logged there. */
  INTERNAL;

  /** The name on the wire, such as {@code not_found}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
