package dev.hypernd.daemon.control;

import dev.hypernd.control.ErrorCode;
import dev.hypernd.control.server.ControlException;
import dev.hypernd.engine.NoSuchJobException;
import dev.hypernd.engine.NoSuchTaskException;
import dev.hypernd.engine.OverlapException;
import dev.hypernd.engine.TaskStateException;
import java.util.function.Supplier;

/**
 * The engine's refusals in the protocol's terms: an unknown job or task is {@code not_found}, a
 * task or job in the wrong state is {@code bad_state}. Other exceptions pass unchanged, for the
 * server to answer ({@code bad_request} for an {@link IllegalArgumentException}, else {@code
 * internal}).
 */
final class EngineRefusals {
  private EngineRefusals() {}

  static <T> T translate(Supplier<T> call) {
    try {
      return call.get();
    } catch (NoSuchJobException | NoSuchTaskException e) {
      throw new ControlException(ErrorCode.NOT_FOUND, e.getMessage(), e);
    } catch (TaskStateException | OverlapException e) {
      throw new ControlException(ErrorCode.BAD_STATE, e.getMessage(), e);
    }
  }
}
