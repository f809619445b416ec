package io.botcore.app.cli;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.market.store.CandleStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import-data", mixinStandardHelpOptions = true,
        description = "Import candles from a CSV file (ours or Binance's kline layout, .gz allowed) into data/market.")
public final class ImportDataCommand implements Callable<Integer> {

    @Mixin
    MarketDataOptions market = new MarketDataOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV file: open_time_ms,open,high,low,close,volume "
            + "with header, or Binance's 12-column kline CSV; gzip when it ends in .gz")
    String file;

    @Override
    public Integer call() throws IOException {
        String symbol = market.symbol();
        Interval interval = market.interval();
        Path path = callerPath(file);
        if (!Files.isRegularFile(path)) {
            throw new CliFailure(2, "FILE: " + path + " is not a readable file");
        }
        CandleSeries series;
        try {
            series = CandleCsvReader.read(path, interval);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, e.getMessage());
        }
        CandleStore store = market.store();
        store.write("binance", symbol, series);
        System.out.printf("imported %,d candles from %s%n", series.size(), path);
        MarketDataOptions.printSummary(store.readAll("binance", symbol, interval), symbol, interval);
        return 0;
    }

    /** A relative FILE is relative to where the user ran the command, not to the Bot Core home. */
    private static Path callerPath(String file) {
        Path path = Path.of(file);
        String cwd = System.getenv("BOTCORE_CWD");
        return path.isAbsolute() || cwd == null ? path.toAbsolutePath() : Path.of(cwd).resolve(path).normalize();
    }
}
