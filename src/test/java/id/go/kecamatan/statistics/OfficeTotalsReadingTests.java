package id.go.kecamatan.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The offices' one-row totals ({@code stat_total}) read as PostgreSQL writes a jsonb as text. */
class OfficeTotalsReadingTests {

  @Test
  void everyKeyAndCountIsRead() {
    Map<String, Long> read = new LinkedHashMap<>();
    Statistics.readTotals(
        "{\"D:0\": 5, \"D:12\": 1, \"RECEIVED\": 12, \"IKM_SARANA\": 0,"
            + " \"RECEIVED:ONLINE\": -1}",
        read::put);
    assertThat(read)
        .containsExactly(
            entry("D:0", 5L),
            entry("D:12", 1L),
            entry("RECEIVED", 12L),
            entry("IKM_SARANA", 0L),
            entry("RECEIVED:ONLINE", -1L));
  }

  @Test
  void anEmptyRowHasNoCounts() {
    Map<String, Long> read = new LinkedHashMap<>();
    Statistics.readTotals("{}", read::put);
    assertThat(read).isEmpty();
  }
}
