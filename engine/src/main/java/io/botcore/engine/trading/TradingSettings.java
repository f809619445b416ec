package io.botcore.engine.trading;

import io.botcore.core.market.Interval;
import io.botcore.platform.config.LoadedConfig;
import io.botcore.platform.config.Setting;
import io.botcore.platform.config.ValueParser;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The {@code [trading]} section of {@code config/config.toml}: where candles come from and the defaults of new
 * bots.
 *
 * @param feed            {@code replay} (recorded candles played at {@code replaySpeed}), {@code live} (Binance's
 *                        kline streams at {@code streamUrl}) or {@code off}
 * @param symbols         symbols the feed follows; bots trade a subset
 * @param interval        candle interval of the feed
 * @param replaySpeed     candles per second the replay plays (per symbol)
 * @param replayDays      how many days before the end of the recorded data the replay starts
 * @param initialBalance  quote asset a new paper bot starts with
 * @param warmUpCandles   candles shown to a bot's strategies before it trades, so indicators are warm
 * @param streamUrl       Binance WebSocket stream base URL of the live feed
 */
public record TradingSettings(String feed, List<String> symbols, Interval interval, double replaySpeed,
        int replayDays, BigDecimal initialBalance, int warmUpCandles, URI streamUrl) {

    public static final Setting<String> FEED = Setting.of("trading.feed", "off",
            ValueParser.oneOf(List.of("replay", "live", "off")),
            "market feed: replay (recorded candles from data/market/recorded, as ./bot-core demo runs), live "
                    + "(Binance kline streams) or off")
            .withEnv("TRADING_FEED");
    public static final Setting<List<String>> SYMBOLS = Setting.of("trading.symbols",
            List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT"), ValueParser.symbols(), "symbols the feed follows");
    public static final Setting<String> INTERVAL = Setting.of("trading.interval", "1h",
            ValueParser.oneOf(intervalCodes()), "candle interval of the feed");
    public static final Setting<Double> REPLAY_SPEED = Setting.of("trading.replay_speed", 1.0,
            ValueParser.number(0.01, 10_000), "candles per second the replay feed plays");
    public static final Setting<Integer> REPLAY_DAYS = Setting.of("trading.replay_days", 60,
            ValueParser.intRange(1, 3650), "days before the end of the recorded data where the replay starts");
    public static final Setting<Double> INITIAL_BALANCE = Setting.of("trading.initial_balance", 10_000.0,
            ValueParser.number(10, 1e12), "quote asset (USDT) a new paper bot starts with");
    public static final Setting<Integer> WARM_UP = Setting.of("trading.warm_up_candles", 300,
            ValueParser.intRange(0, 100_000), "candles a bot's strategies see before it trades");

    public static final Setting<URI> STREAM_URL = Setting.of("trading.stream_url",
            URI.create("wss://stream.binance.com:9443"), ValueParser.uri("ws", "wss"),
            "Binance WebSocket stream base URL of the live feed (testnet: wss://stream.testnet.binance.vision)")
            .withEnv("BINANCE_STREAM_URL");

    /** Every key of the section. */
    public static final List<Setting<?>> ALL = List.of(FEED, SYMBOLS, INTERVAL, REPLAY_SPEED, REPLAY_DAYS,
            INITIAL_BALANCE, WARM_UP, STREAM_URL);

    public TradingSettings {
        Objects.requireNonNull(feed, "feed");
        symbols = List.copyOf(symbols);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(initialBalance, "initialBalance");
        Objects.requireNonNull(streamUrl, "streamUrl");
    }

    public static TradingSettings from(LoadedConfig config) {
        return new TradingSettings(config.get(FEED), config.get(SYMBOLS), Interval.fromCode(config.get(INTERVAL)),
                config.get(REPLAY_SPEED), config.get(REPLAY_DAYS),
                BigDecimal.valueOf(config.get(INITIAL_BALANCE)), config.get(WARM_UP), config.get(STREAM_URL));
    }

    private static List<String> intervalCodes() {
        return java.util.Arrays.stream(Interval.values()).map(Interval::code).toList();
    }
}
