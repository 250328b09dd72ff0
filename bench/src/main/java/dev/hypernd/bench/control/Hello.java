package dev.hypernd.bench.control;

/** The baseline of the control-path figure: the wall time of starting a JVM that says hello. */
public final class Hello {
  private Hello() {}

  public static void main(String[] args) {
    System.out.println("hello");
  }
}
