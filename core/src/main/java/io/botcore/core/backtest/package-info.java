/**
 * Backtests: a strategy, the risk policy and the simulated exchange run over recorded candles, one symbol or
 * several in one portfolio, giving the trades, the equity curve and performance metrics beside buy-and-hold.
 *
 * <p>Conventions of the metrics (see {@link io.botcore.core.backtest.PerformanceCalculator}): simple per-candle
 * returns of equity marked at each close; years of 365 days (crypto trades every day); annualisation by the
 * number of candles of the series' interval in such a year; no risk-free rate.
 */
package io.botcore.core.backtest;
