package dev.hypernd.engine.store;

import dev.hypernd.engine.HyperndException;

/**
 * A store cannot do what was asked: its file cannot be opened, is damaged or from a newer version,
 * or changes cannot be made durable now. The message names the file and what is wrong.
 */
public class StoreException extends HyperndException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
