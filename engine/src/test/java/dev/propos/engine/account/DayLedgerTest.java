package dev.propos.engine.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DayLedgerTest {

    @Test
    void keepsTotalsOfClosedDaysAndTheRunningDay() {
        DayLedger days = new DayLedger(0);
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
        assertThat(days.profitableDays(400)).isEqualTo(2);
    }

    @Test
    void bestDayIsZeroWhenNoDayIsAboveZero() {
        DayLedger days = new DayLedger(0);
        days.addProfit(-50);
        assertThat(days.bestDayCents()).isZero();
    }

    @Test
    void aCancelledPayoutJoinsTheSplitDayAgain() {
        DayLedger before = new DayLedger(0);
        before.addProfit(600);
        before.startDay(1);
        before.addProfit(300); // the payout falls here, on day 1
        DayLedger after = new DayLedger(1);
        after.addProfit(500);
        after.startDay(2);
        after.addProfit(100);
        DayLedger joined = before.followedBy(after);
        assertThat(joined.bestDayCents()).isEqualTo(800); // day 1: 300 + 500
        assertThat(joined.netTotalCents()).isEqualTo(1500);
        assertThat(joined.todayProfitCents()).isEqualTo(100);
    }
}
