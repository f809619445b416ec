/**
 * Reading candles from CSV files (ours and Binance's kline layout, plain or gzip) with errors that name the
 * file, line and column.
 */
package io.botcore.core.market.csv;
