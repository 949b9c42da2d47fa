package id.go.kecamatan.audit;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes audit details as JSON. */
@Component
class JsonText {

  private final JsonMapper mapper = JsonMapper.builder().build();

  String write(Map<String, ?> details) {
    return mapper.writeValueAsString(details);
  }
}
