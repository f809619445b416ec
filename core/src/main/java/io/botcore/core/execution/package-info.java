/**
 * The execution side shared by backtest, paper and live trading: instruments and their exchange filters,
 * typed order ids, orders as commands and as state machines, fills, the one {@link
 * io.botcore.core.execution.FillModel fill model}, the {@link io.botcore.core.execution.ExchangePort exchange
 * port} with its {@link io.botcore.core.execution.SimulatedExchange simulated implementation}, and the
 * {@link io.botcore.core.execution.Ledger ledger} of cash and positions.
 *
 * <p>Money, prices and quantities are {@link java.math.BigDecimal}, never {@code double}: prices in the quote
 * asset (USDT for BTCUSDT), quantities in the base asset (BTC), fees in the quote asset. Times are UTC
 * {@link java.time.Instant}s; a fill is stamped with the open time of the candle it happened in.
 */
package io.botcore.core.execution;
