package dev.propos.engine.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DayLedgerTest {

    private static final long[] THRESHOLDS = {400, 1_000};

    @Test
    void keepsTotalsOfClosedDaysAndTheRunningDay() {
        DayLedger days = new DayLedger(0, THRESHOLDS);
        days.addProfit(700);
        days.markOpened();
        days.startDay(1);
        days.addProfit(-300);
        days.startDay(2);
        days.addProfit(400);
        days.markOpened();
        assertThat(days.bestDayCents()).isEqualTo(700);
        assertThat(days.netTotalCents()).isEqualTo(800);
        assertThat(days.positiveTotalCents()).isEqualTo(1100);
        assertThat(days.openedDays()).isEqualTo(2);
        assertThat(days.profitableDays(400)).isEqualTo(2); // the running day counts while at the threshold
        assertThat(days.profitableDays(1_000)).isZero();
    }

    @Test
    void theRunningDayCountsOnlyWhileItQualifies() {
        DayLedger days = new DayLedger(0, THRESHOLDS);
        days.addProfit(500);
        assertThat(days.profitableDays(400)).isEqualTo(1);
        days.addProfit(-200);
        assertThat(days.profitableDays(400)).isZero();
    }

    @Test
    void bestDayIsZeroWhenNoDayIsAboveZero() {
        DayLedger days = new DayLedger(0, THRESHOLDS);
        days.addProfit(-50);
        days.startDay(1);
        days.addProfit(-20);
        assertThat(days.bestDayCents()).isZero();
        assertThat(days.netTotalCents()).isEqualTo(-70);
    }

    @Test
    void onlyTheThresholdsGivenAreCounted() {
        assertThatThrownBy(() -> new DayLedger(0, THRESHOLDS).profitableDays(5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCancelledPayoutJoinsTheSplitDayAgain() {
        DayLedger before = new DayLedger(0, THRESHOLDS);
        before.addProfit(600);
        before.startDay(1);
        before.addProfit(300); // the payout falls here, on day 1
        DayLedger after = new DayLedger(1, THRESHOLDS);
        after.addProfit(500);
        after.startDay(2);
        after.addProfit(100);
        DayLedger joined = before.followedBy(after);
        assertThat(joined.bestDayCents()).isEqualTo(800); // day 1: 300 + 500
        assertThat(joined.netTotalCents()).isEqualTo(1500);
        assertThat(joined.todayProfitCents()).isEqualTo(100);
        assertThat(joined.profitableDays(400)).isEqualTo(2);
    }

    @Test
    void aPayoutCancelledTheSameDayLeavesOneRunningDay() {
        DayLedger before = new DayLedger(0, THRESHOLDS);
        before.addProfit(300);
        before.markOpened();
        DayLedger after = new DayLedger(0, THRESHOLDS);
        after.addProfit(200);
        DayLedger joined = before.followedBy(after);
        assertThat(joined.todayProfitCents()).isEqualTo(500);
        assertThat(joined.openedDays()).isEqualTo(1);
        joined.addProfit(600);
        assertThat(joined.profitableDays(1_000)).isEqualTo(1);
        joined.startDay(1);
        assertThat(joined.bestDayCents()).isEqualTo(1_100);
    }
}
