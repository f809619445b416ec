package io.botcore.core.execution;

import static io.botcore.core.execution.ExecutionFixtures.BTC;
import static io.botcore.core.execution.ExecutionFixtures.at;
import static io.botcore.core.execution.ExecutionFixtures.dec;
import static io.botcore.core.execution.ExecutionFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LedgerTest {

    private static Fill fill(OrderSide side, String price, String quantity, String fee) {
        return new Fill(id("o"), BTC, side, dec(price), dec(quantity), dec(fee), Liquidity.TAKER, at(0), null);
    }

    @Test
    void booksBuysAndSellsWithFeesAndRealisesPnlNetOfBothFees() {
        Ledger ledger = new Ledger(dec("10000"));

        // buy 2 at 100, fee 0.2: cash 10000 - 200.2 = 9799.8, cost basis 200.2
        ledger.apply(fill(OrderSide.BUY, "100", "2", "0.2"));
        assertThat(ledger.cash()).isEqualByComparingTo("9799.8");
        assertThat(ledger.position(BTC).orElseThrow().costBasis()).isEqualByComparingTo("200.2");

        // marked at 110: value 220, unrealised 220 - 200.2 = 19.8, equity 9799.8 + 220 = 10019.8
        ledger.mark(BTC, dec("110"));
        assertThat(ledger.unrealisedPnl()).isEqualByComparingTo("19.8");
        assertThat(ledger.equity()).isEqualByComparingTo("10019.8");
        assertThat(ledger.exposure()).isEqualByComparingTo("220");

        // sell 0.5 at 110, fee 0.055: proceeds 54.945, releases 200.2 * 0.5 / 2 = 50.05, realises 4.895
        LedgerEntry partial = ledger.apply(fill(OrderSide.SELL, "110", "0.5", "0.055"));
        assertThat(partial.realisedPnl()).isEqualByComparingTo("4.895");
        assertThat(partial.cashAfter()).isEqualByComparingTo("9854.745");
        assertThat(partial.positionAfter()).isEqualByComparingTo("1.5");
        assertThat(ledger.position(BTC).orElseThrow().costBasis()).isEqualByComparingTo("150.15");

        // sell 1.5 at 90, fee 0.135: proceeds 134.865, releases 150.15, realises -15.285
        ledger.apply(fill(OrderSide.SELL, "90", "1.5", "0.135"));
        assertThat(ledger.position(BTC)).isEmpty();
        assertThat(ledger.realisedPnl()).isEqualByComparingTo("-10.39");
        assertThat(ledger.feesPaid()).isEqualByComparingTo("0.39");
        assertThat(ledger.cash()).isEqualByComparingTo("9989.61");
        assertThat(ledger.equity()).isEqualByComparingTo("9989.61");
        assertThat(ledger.entries()).hasSize(3);
    }

    @Test
    void equityLessInitialCashIsRealisedPlusUnrealisedAtEveryStep() {
        Ledger ledger = new Ledger(dec("1000"));
        ledger.apply(fill(OrderSide.BUY, "3", "7", "0.021"));
        ledger.apply(fill(OrderSide.BUY, "4", "5", "0.02"));
        ledger.mark(BTC, dec("3.5"));
        ledger.apply(fill(OrderSide.SELL, "3.7", "3", "0.0111"));
        ledger.mark(BTC, dec("3.9"));

        assertThat(ledger.equity().subtract(ledger.initialCash()))
                .isEqualByComparingTo(ledger.realisedPnl().add(ledger.unrealisedPnl()));
    }

    @Test
    void refusesToSellShortOrToSpendCashItDoesNotHave() {
        Ledger ledger = new Ledger(dec("100"));

        assertThatThrownBy(() -> ledger.apply(fill(OrderSide.SELL, "10", "1", "0")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sell of 1 BTCUSDT exceeds the 0 held; short selling is not supported");
        assertThatThrownBy(() -> ledger.apply(fill(OrderSide.BUY, "100", "1", "0.1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("buy of 1 BTCUSDT costs 100.1 but cash is 100");
        assertThat(ledger.entries()).isEmpty();
    }
}
