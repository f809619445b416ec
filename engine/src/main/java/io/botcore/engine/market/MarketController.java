package io.botcore.engine.market;

import io.botcore.core.market.Interval;
import io.botcore.platform.web.ApiException;
import io.botcore.platform.web.ApiResponse;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/market/*}: stored candles in the original system's shapes. Fields the store does not
 * hold (quote volume, trade count) are left out rather than invented.
 */
@RestController
@RequestMapping("/api/market")
class MarketController {

    private final MarketDataService market;

    MarketController(MarketDataService market) {
        this.market = market;
    }

    @GetMapping("/symbols")
    ApiResponse<Map<String, Object>> symbols() {
        List<String> symbols = market.symbols();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("symbols", symbols);
        data.put("available_timeframes", Arrays.stream(Interval.values()).map(Interval::code).toList());
        Map<String, List<String>> stored = new LinkedHashMap<>();
        symbols.forEach(s -> stored.put(s, market.intervals(s)));
        data.put("stored", stored);
        return ApiResponse.ok(data);
    }

    @GetMapping("/candles/{symbol}/{timeframe}")
    ApiResponse<List<MarketDataService.CandleView>> candles(@PathVariable String symbol, @PathVariable String timeframe,
            @RequestParam(defaultValue = "100") int limit) {
        return ApiResponse.ok(market.candles(symbol(symbol), interval(timeframe), limit(limit)));
    }

    @GetMapping("/chart/{symbol}/{timeframe}")
    ApiResponse<Map<String, Object>> chart(@PathVariable String symbol, @PathVariable String timeframe,
            @RequestParam(defaultValue = "100") int limit) {
        String s = symbol(symbol);
        Interval interval = interval(timeframe);
        List<MarketDataService.CandleView> newestFirst = market.candles(s, interval, limit(limit));
        List<MarketDataService.CandleView> day = market.candles(s, interval,
                (int) Math.max(1, Math.min(1000, 86_400_000L / interval.millis() + 1)));
        MarketDataService.CandleView latest = day.get(0);
        MarketDataService.CandleView dayAgo = day.get(day.size() - 1);
        double volume24h = day.stream().limit(Math.max(1, 86_400_000L / interval.millis()))
                .mapToDouble(MarketDataService.CandleView::volume).sum();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("symbol", s);
        data.put("timeframe", interval.code());
        List<Map<String, Object>> oldestFirst = new java.util.ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            MarketDataService.CandleView c = newestFirst.get(i);
            oldestFirst.add(Map.of("timestamp", c.openTime(), "open", c.open(), "high", c.high(), "low", c.low(),
                    "close", c.close(), "volume", c.volume()));
        }
        data.put("candles", oldestFirst);
        data.put("latest_price", latest.close());
        data.put("volume_24h", volume24h);
        data.put("price_change_24h", latest.close() - dayAgo.open());
        data.put("price_change_percent_24h", (latest.close() / dayAgo.open() - 1) * 100);
        return ApiResponse.ok(data);
    }

    private static String symbol(String value) {
        String s = value.trim().toUpperCase(java.util.Locale.ROOT);
        if (!s.matches("[A-Z0-9]{2,20}")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "symbol: must be 2 to 20 letters or digits, e.g. BTCUSDT");
        }
        return s;
    }

    private static Interval interval(String value) {
        try {
            return Interval.fromCode(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "timeframe: " + e.getMessage());
        }
    }

    private static int limit(int value) {
        if (value < 1 || value > 1000) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "limit: must be from 1 to 1000");
        }
        return value;
    }
}
