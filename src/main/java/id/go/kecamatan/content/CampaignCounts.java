package id.go.kecamatan.content;

import id.go.kecamatan.application.DraftStarted;
import id.go.kecamatan.application.DraftSubmitted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts the online applications started (identity step saved, as the statistics count them) and
 * submitted from a short code, on the day they happen. Each draft counts once per figure, also when
 * an event is delivered again; a code that is unknown or another office's counts nothing.
 */
@Component
class CampaignCounts {

  private final JdbcClient jdbc;
  private final ShortCodes codes;

  CampaignCounts(JdbcClient jdbc, ShortCodes codes) {
    this.jdbc = jdbc;
    this.codes = codes;
  }

  @ApplicationModuleListener
  void on(DraftStarted event) {
    if (event.campaign() != null && remember(event.draftId(), event.officeId(), event.campaign())) {
      codes.count(event.officeId(), event.campaign(), "started");
    }
  }

  @ApplicationModuleListener
  void on(DraftSubmitted event) {
    if (event.campaign() == null) {
      return;
    }
    if (remember(event.draftId(), event.officeId(), event.campaign())) {
      // the submission was handled before the start (the listeners run in parallel): the start
      // is counted here, and the start's own event then finds the draft remembered
      codes.count(event.officeId(), event.campaign(), "started");
    }
    int first =
        jdbc.sql(
                "update short_code_draft set submitted = true"
                    + " where draft_id = ? and office_id = ? and not submitted")
            .params(event.draftId(), event.officeId())
            .update();
    if (first == 1) {
      codes.count(event.officeId(), event.campaign(), "submitted");
    }
  }

  /** Records the draft under its code; true when it was new (and the code the office's). */
  private boolean remember(java.util.UUID draftId, java.util.UUID officeId, String code) {
    return jdbc.sql(
                """
                insert into short_code_draft (draft_id, office_id, short_code_id)
                select ?, office_id, id from short_code where office_id = ? and code = ?
                on conflict (draft_id) do nothing
                """)
            .params(draftId, officeId, code)
            .update()
        == 1;
  }
}
