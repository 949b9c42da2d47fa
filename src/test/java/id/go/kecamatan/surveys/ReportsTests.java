package id.go.kecamatan.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The respondents' profile as a report lists it. */
class ReportsTests {

  @Test
  void aProfilePartIsListedInItsBandsOrderWithTheAnswersNotGivenLast() {
    Map<String, Long> fromTheDatabase = new HashMap<>();
    fromTheDatabase.put("FROM_30", 33L);
    fromTheDatabase.put(null, 16L);
    fromTheDatabase.put("FROM_60", 19L);
    fromTheDatabase.put("FROM_40", 14L);
    fromTheDatabase.put("UNDER_20", 2L);
    fromTheDatabase.put("FROM_20", 20L);

    Map<String, Long> listed = Reports.ordered(part("age_band"), fromTheDatabase);

    assertThat(listed.keySet())
        .containsExactly("UNDER_20", "FROM_20", "FROM_30", "FROM_40", "FROM_60", null);
    assertThat(listed).containsEntry("FROM_30", 33L).containsEntry(null, 16L);
  }

  @Test
  void aValueNoLongerOfferedIsStillCountedAfterTheOthers() {
    Map<String, Long> fromTheDatabase = new HashMap<>();
    fromTheDatabase.put(null, 1L);
    fromTheDatabase.put("LAINNYA", 3L);
    fromTheDatabase.put("PETANI", 4L);
    fromTheDatabase.put("PNS", 5L);

    assertThat(Reports.ordered(part("occupation"), fromTheDatabase).keySet())
        .containsExactly("PNS", "LAINNYA", "PETANI", null);
  }

  private static Reports.ProfilePart part(String column) {
    return Reports.PROFILE.stream()
        .filter(p -> p.column().equals(column))
        .findFirst()
        .orElseThrow();
  }
}
