package id.go.kecamatan.statistics.web;

import static id.go.kecamatan.statistics.web.ComplementarySuppression.Mark.PROTECTING;
import static id.go.kecamatan.statistics.web.ComplementarySuppression.Mark.SHOWN;
import static id.go.kecamatan.statistics.web.ComplementarySuppression.Mark.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.statistics.web.ComplementarySuppression.Mark;
import id.go.kecamatan.statistics.web.ComplementarySuppression.Relation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplementarySuppressionTests {

  private static Mark[] marks(long[] values, Relation... relations) {
    return ComplementarySuppression.marks(values, List.of(relations));
  }

  private static Relation sum(int total, Integer... parts) {
    return new Relation(total, List.of(parts), true);
  }

  @Test
  void aMonthsVillageCountIsNotLeftToBeWorkedOutFromTheTotalAndTheOtherChannels() {
    // January: received 15 = online 7 + counter 5 + village 3
    Mark[] marks = marks(new long[] {15, 7, 5, 3}, sum(0, 1, 2, 3));

    assertThat(marks).containsExactly(SHOWN, SHOWN, PROTECTING, SMALL);
  }

  @Test
  void aMonthsComplaintsAreNotLeftToBeWorkedOutFromThePeriodsTotal() {
    // November 1, December 8, the period 9
    Mark[] marks = marks(new long[] {9, 1, 8}, sum(0, 1, 2));

    assertThat(marks).containsExactly(SHOWN, SMALL, PROTECTING);
  }

  @Test
  void rejectionsAreNotLeftToBeWorkedOutFromTheFinishedAndTheApproved() {
    // finished 13 = approved 11 + rejected 2
    Mark[] marks = marks(new long[] {13, 11, 2}, sum(0, 1, 2));

    assertThat(marks).containsExactly(SHOWN, PROTECTING, SMALL);
  }

  @Test
  void smallCountsThatMustAllBeOneOrAllBeFourAreProtected() {
    // 8 = 4 + 4 + 0: both hidden parts must be 4, and the zero stays shown
    assertThat(marks(new long[] {8, 4, 4, 0}, sum(0, 1, 2, 3)))
        .containsExactly(PROTECTING, SMALL, SMALL, SHOWN);
    // 7 = 5 + 1 + 1: the two hidden add up to 2, so both are 1; hiding the 5 is not enough (a
    // protecting count is 5 or more, so 7 = 5 + 1 + 1 still), so the total goes too
    assertThat(marks(new long[] {7, 5, 1, 1}, sum(0, 1, 2, 3)))
        .containsExactly(PROTECTING, PROTECTING, SMALL, SMALL);
  }

  @Test
  void twoSmallCountsThatCouldBeAnythingFromOneToFourStayAsTheyAre() {
    // 12 = 5 + 3 + 4: the two hidden add up to 7, which 3 + 4 or 4 + 3 give
    assertThat(marks(new long[] {12, 5, 3, 4}, sum(0, 1, 2, 3)))
        .containsExactly(SHOWN, SHOWN, SMALL, SMALL);
    // but a hidden count beside a protecting one (5 or more) could be worked out: 6 = 1 + 5
    assertThat(marks(new long[] {6, 1, 5, 0}, sum(0, 1, 2, 3)))
        .containsExactly(PROTECTING, SMALL, PROTECTING, SHOWN);
  }

  @Test
  void aTotalHiddenToProtectAnotherRelationHidesOneOfItsOwnPartsToo() {
    // cells: 0 the period = 1 + 2 (two months); month 1 = 3 + 4 (its channels)
    // the period 20 = month 3 + month 17; month 17 = 9 + 8
    long[] values = {20, 3, 17, 9, 8};
    Mark[] marks = marks(values, sum(0, 1, 2), sum(2, 3, 4));

    assertThat(marks).containsExactly(SHOWN, SMALL, PROTECTING, SHOWN, PROTECTING);
  }

  @Test
  void anInexactTotalStillGivesAwayACountThatCanOnlyBeOne() {
    // the regency's 8 of which the active offices show 7 and one "< 5": that one is 1
    long[] values = {8, 7, 1};
    assertThat(
            ComplementarySuppression.marks(values, List.of(new Relation(0, List.of(1, 2), false))))
        .containsExactly(SHOWN, PROTECTING, SMALL);
    // 20 of which 7 and a "< 5": anything from 1 to 4, with up to 12 elsewhere
    long[] more = {20, 7, 3};
    assertThat(ComplementarySuppression.marks(more, List.of(new Relation(0, List.of(1, 2), false))))
        .containsExactly(SHOWN, SHOWN, SMALL);
  }

  @Test
  void rowsAndMonthsHideUntilNoRelationPinsAHiddenCount() {
    //            M1  M2 | total
    //  service A  3  10 |  13
    //  service B  8   6 |  14
    //  total     11  16 |  27
    // A's row hides 10 beside the 3; M1's column hides 8; that leaves M2's column with 10 alone
    // hidden (16 - 6), so 6 is hidden as well; B's row then has two hidden counts of 5 or more.
    long[] v = {3, 10, 13, 8, 6, 14, 11, 16, 27};
    List<Relation> relations =
        List.of(
            sum(2, 0, 1), // A
            sum(5, 3, 4), // B
            sum(8, 6, 7), // the totals' row
            sum(6, 0, 3), // M1
            sum(7, 1, 4), // M2
            sum(8, 2, 5)); // the totals' column
    Mark[] marks = ComplementarySuppression.marks(v, relations);

    assertThat(marks)
        .containsExactly(
            SMALL, PROTECTING, SHOWN, PROTECTING, PROTECTING, SHOWN, SHOWN, SHOWN, SHOWN);
    for (Relation r : relations) {
      assertThat(ComplementarySuppression.pinsAHiddenCell(r, v, marks)).as(r.toString()).isFalse();
    }
  }

  @Test
  void nothingToHideWhenEveryCountIsZeroOrFiveAndMore() {
    assertThat(marks(new long[] {15, 10, 5, 0}, sum(0, 1, 2, 3))).containsOnly(SHOWN);
  }
}
