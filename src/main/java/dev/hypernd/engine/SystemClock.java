package dev.hypernd.engine;

import java.time.Instant;

enum SystemClock implements EngineClock {
  INSTANCE;

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }
}
