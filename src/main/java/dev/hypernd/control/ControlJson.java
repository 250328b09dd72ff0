package dev.hypernd.control;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;

/**
 * The one JSON mapper of the protocol: record components become {@code snake_case} fields ({@code
 * taskId} is {@code task_id}), instants are ISO-8601 strings, and a request with a duplicate field
 * is malformed rather than silently taking the last value.
 */
public final class ControlJson {
  private ControlJson() {}

  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }

  // Built on first use: hypernctl --help must not pay for Jackson.
  private static final class Holder {
    static final ObjectMapper MAPPER = create();
  }

  private static ObjectMapper create() {
    SimpleModule time = new SimpleModule("hypernd-control");
    time.addSerializer(Instant.class, ToStringSerializer.instance);
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .addModule(time)
        .build();
  }
}
