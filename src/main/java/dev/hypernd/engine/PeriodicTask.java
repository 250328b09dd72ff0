package dev.hypernd.engine;

/**
 * A job body that registers itself: implement this, annotate the class with {@link Periodic}, give
 * it a public no-argument constructor and list it in {@code
 * META-INF/services/dev.hypernd.engine.PeriodicTask}.
 */
public interface PeriodicTask extends TaskAction {}
