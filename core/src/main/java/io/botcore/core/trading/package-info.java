/**
 * Turning signals into orders, the same way in every mode: the {@link io.botcore.core.trading.SignalTrader} asks
 * the risk policy, places orders through an {@link io.botcore.core.execution.ExchangePort}, keeps its own ledger
 * from the fills and records each closed round trip as a {@link io.botcore.core.trading.Trade} with the reasons of
 * the signal that opened it. The backtester drives it with a simulated exchange; the paper and live engines can
 * drive it with theirs.
 */
package io.botcore.core.trading;
