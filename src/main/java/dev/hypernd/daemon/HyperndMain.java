package dev.hypernd.daemon;

/** Entry point of the {@code hypernd} command. */
public final class HyperndMain {
  private HyperndMain() {}

  public static void main(String[] args) {
    System.out.println("hypernd");
  }
}
