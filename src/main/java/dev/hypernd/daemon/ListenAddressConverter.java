package dev.hypernd.daemon;

import dev.hypernd.jobs.config.ListenAddress;
import picocli.CommandLine;

/** {@code --metrics-listen HOST:PORT}, read as the job file's {@code metrics.listen} is. */
final class ListenAddressConverter implements CommandLine.ITypeConverter<ListenAddress> {
  @Override
  public ListenAddress convert(String value) {
    try {
      return ListenAddress.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
