package io.botcore.core.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.core.execution.ClientOrderId;
import io.botcore.core.execution.ExitReason;
import io.botcore.core.execution.Fill;
import io.botcore.core.execution.Liquidity;
import io.botcore.core.execution.OrderSide;
import io.botcore.core.execution.Symbol;
import io.botcore.core.strategy.Reason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TradeRecorderTest {

    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static Fill fill(String order, OrderSide side, String price, String quantity, String fee, int hour,
            ExitReason reason) {
        return new Fill(ClientOrderId.of(order), BTC, side, new BigDecimal(price), new BigDecimal(quantity),
                new BigDecimal(fee), Liquidity.TAKER, T0.plusSeconds(3600L * hour), reason);
    }

    @Test
    void groupsPartialFillsIntoOneRoundTripWithAveragePricesAndAllFees() {
        TradeRecorder recorder = new TradeRecorder();
        Reason why = new Reason("rsi", "rsi < oversold 30.0", Map.of("rsi", 25.0));
        recorder.expectEntry(ClientOrderId.of("e-1"), List.of(why));

        assertThat(recorder.onFill(fill("e-1", OrderSide.BUY, "100", "1", "0.1", 1, null))).isEmpty();
        assertThat(recorder.onFill(fill("e-1", OrderSide.BUY, "103", "2", "0.206", 2, null))).isEmpty();
        assertThat(recorder.onFill(fill("e-1-sl", OrderSide.SELL, "95", "2", "0.19", 3, ExitReason.STOP_LOSS)))
                .isEmpty();
        Trade trade = recorder.onFill(fill("x-2", OrderSide.SELL, "96", "1", "0.096", 4, ExitReason.SIGNAL))
                .orElseThrow();

        // entry (100 + 206) / 3 = 102; exit (190 + 96) / 3 = 95.333..; fees 0.592
        // pnl 286 - 306 - 0.592 = -20.592; the first exit fill's reason
        assertThat(trade.entryTime()).isEqualTo(T0.plusSeconds(3600));
        assertThat(trade.exitTime()).isEqualTo(T0.plusSeconds(4 * 3600));
        assertThat(trade.entryPrice()).isEqualByComparingTo("102");
        assertThat(trade.exitPrice()).isEqualByComparingTo("95.33333333333333333333333333333333");
        assertThat(trade.quantity()).isEqualByComparingTo("3");
        assertThat(trade.fees()).isEqualByComparingTo("0.592");
        assertThat(trade.pnl()).isEqualByComparingTo("-20.592");
        assertThat(trade.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(trade.entryReasons()).containsExactly(why);
        assertThat(recorder.trades()).containsExactly(trade);
        assertThat(recorder.isOpen(BTC)).isFalse();
    }

    @Test
    void aSellWithoutAnOpenTradeIsAnError() {
        TradeRecorder recorder = new TradeRecorder();

        assertThatThrownBy(() -> recorder.onFill(fill("s", OrderSide.SELL, "1", "1", "0", 0, ExitReason.SIGNAL)))
                .hasMessage("sell of BTCUSDT without an open trade");
    }
}
