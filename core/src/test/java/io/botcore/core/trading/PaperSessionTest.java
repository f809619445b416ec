package io.botcore.core.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.botcore.core.backtest.BacktestConfig;
import io.botcore.core.backtest.BacktestResult;
import io.botcore.core.backtest.Backtester;
import io.botcore.core.execution.ExitBracket;
import io.botcore.core.execution.ExitReason;
import io.botcore.core.execution.Fill;
import io.botcore.core.execution.OrderSide;
import io.botcore.core.execution.Symbol;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.risk.RefusalReason;
import io.botcore.core.strategy.RsiStrategy;
import io.botcore.core.strategy.Side;
import io.botcore.core.testdata.RecordedData;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A paper session fed the recorded BTCUSDT 1h candles one by one makes the trades of the backtest of the same
 * candles: same entries, exits, prices, fees and final balance, to the last digit.
 */
class PaperSessionTest {

    private static final SymbolRules BTCUSDT = SymbolRules.of("BTCUSDT", "0.01", "0.00001", "0.00001", "5");
    private static final BacktestConfig CONFIG = BacktestConfig.defaults().withExits(new ExitBracket(
            new BigDecimal("0.03"), new BigDecimal("0.06"), new BigDecimal("0.04")));
    private static CandleSeries year;

    @BeforeAll
    static void load() throws IOException {
        CandleSeries all = CandleCsvReader.read(RecordedData.file(RecordedData.BTC_1H), Interval.H1);
        year = all.slice(all.size() - 24 * 365, all.size());
    }

    private static PaperSession session(String prefix) {
        return new PaperSession(Map.of(BTCUSDT, new RsiStrategy(14, 30, 70)), CONFIG, prefix);
    }

    private static List<PaperSession.Step> feed(PaperSession session, CandleSeries candles) {
        List<PaperSession.Step> steps = new ArrayList<>();
        for (int i = 0; i < candles.size(); i++) {
            steps.add(session.onCandle(BTCUSDT.symbol(), candles.candle(i)));
        }
        steps.add(session.closeAll(ExitReason.END_OF_DATA));
        return steps;
    }

    @Test
    void replayingTheDataGivesTheBacktestsTradesAndFinalBalance() {
        BacktestResult backtest = new Backtester(CONFIG).run(new RsiStrategy(14, 30, 70), BTCUSDT, year);
        PaperSession paper = session("bot1.r1");

        List<PaperSession.Step> steps = feed(paper, year);

        assertThat(backtest.trades()).hasSizeGreaterThan(20);
        assertThat(paper.trades()).isEqualTo(backtest.trades());
        assertThat(paper.book().cash()).isEqualByComparingTo(backtest.metrics().finalEquity());
        assertThat(paper.book().feesPaid()).isEqualByComparingTo(backtest.metrics().feesPaid());
        List<Fill> fills = steps.stream().flatMap(s -> s.fills().stream()).toList();
        assertThat(fills).hasSameSizeAs(backtest.fills());
        for (int i = 0; i < fills.size(); i++) {
            Fill ours = fills.get(i);
            Fill theirs = backtest.fills().get(i).fill();
            assertThat(ours.price()).isEqualByComparingTo(theirs.price());
            assertThat(ours.quantity()).isEqualByComparingTo(theirs.quantity());
            assertThat(ours.time()).isEqualTo(theirs.time());
        }
    }

    @Test
    void aSecondSessionFedTheSameCandlesMakesTheSameOrdersWithTheSameIds() {
        List<PaperSession.Step> first = feed(session("bot1.r1"), year);
        List<PaperSession.Step> second = feed(session("bot1.r1"), year);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void everyOrderIsPlacedOnceAndEveryBuyOrSellSignalSaysWhatCameOfIt() {
        List<PaperSession.Step> steps = feed(session("bot1.r1"), year);

        Set<String> ids = new HashSet<>();
        int decisions = 0;
        for (PaperSession.Step step : steps) {
            if (step.decision() != null) {
                decisions++;
                assertThat(step.signal().side()).isNotEqualTo(Side.HOLD);
                if (step.decision().outcome() == PaperSession.Decision.Outcome.ORDER_PLACED) {
                    step.decision().orderIds().forEach(id -> assertThat(ids.add(id.value())).isTrue());
                    assertThat(step.orders()).anyMatch(o -> o.id().equals(step.decision().orderIds().get(0)));
                }
            } else if (step.signal() != null) {
                assertThat(step.signal().side()).isEqualTo(Side.HOLD);
            }
        }
        assertThat(decisions).isGreaterThan(40);
        assertThat(ids).allMatch(id -> id.startsWith("bot1.r1-"));
    }

    @Test
    void closeAllLeavesTheSessionFlatWithCashEqualToEquity() {
        PaperSession paper = session("bot1.r1");
        CandleSeries part = year.slice(0, 24 * 40);
        PaperSession.Step last = null;
        for (int i = 0; i < part.size() && paper.book().openPositionCount() == 0; i++) {
            last = paper.onCandle(BTCUSDT.symbol(), part.candle(i));
        }
        assertThat(paper.book().openPositionCount()).isEqualTo(1);

        PaperSession.Step closed = paper.closeAll(ExitReason.MANUAL);

        assertThat(last).isNotNull();
        assertThat(paper.book().openPositionCount()).isZero();
        assertThat(paper.openOrders(Symbol.of("BTCUSDT"))).isEmpty();
        assertThat(closed.trades()).singleElement().satisfies(t -> assertThat(t.exitReason()).isEqualTo(ExitReason.MANUAL));
        assertThat(closed.cash()).isEqualByComparingTo(closed.equity());
    }

    @Test
    void haltedEntriesAreRefusedWhileTheOpenPositionStillExitsAndARebuildWithTheSameFlagsAgrees() {
        List<PaperSession.Step> free = feed(session("bot1.r1"), year);
        int firstEntryFill = 0;
        while (free.get(firstEntryFill).fills().isEmpty()) {
            firstEntryFill++;
        }
        int haltFrom = firstEntryFill + 1;
        int haltTo = haltFrom + 24 * 60;

        PaperSession halted = session("bot1.r1");
        List<PaperSession.Step> steps = new ArrayList<>();
        for (int i = 0; i < year.size(); i++) {
            steps.add(halted.onCandle(BTCUSDT.symbol(), year.candle(i), i >= haltFrom && i < haltTo));
        }

        List<PaperSession.Step> window = steps.subList(haltFrom, haltTo);
        assertThat(window).filteredOn(s -> s.decision() != null
                && s.decision().refusal() == RefusalReason.ENTRIES_HALTED).hasSizeGreaterThan(3);
        assertThat(window).allSatisfy(s -> assertThat(s.orders()).noneMatch(o -> o.side() == OrderSide.BUY));
        // the position entered before the halt is closed during it exactly as without the halt
        assertThat(halted.trades().get(0)).isEqualTo(free.stream().flatMap(s -> s.trades().stream()).findFirst()
                .orElseThrow());
        assertThat(halted.trades().get(0).exitTime()).isBefore(year.candle(haltTo).openInstant());
        assertThat(steps.subList(haltTo, steps.size())).anyMatch(s -> s.orders().stream()
                .anyMatch(o -> o.side() == OrderSide.BUY));

        PaperSession rebuilt = session("bot1.r1");
        for (int i = 0; i < year.size(); i++) {
            PaperSession.Step step = steps.get(i);
            boolean wasHalted = step.decision() != null && step.decision().refusal() == RefusalReason.ENTRIES_HALTED;
            assertThat(rebuilt.onCandle(BTCUSDT.symbol(), year.candle(i), wasHalted)).isEqualTo(step);
        }
        assertThat(rebuilt.book().cash()).isEqualByComparingTo(halted.book().cash());
    }
}
