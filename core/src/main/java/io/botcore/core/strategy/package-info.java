/**
 * Strategies that turn closed candles into explained signals: RSI, MACD, Bollinger, volume spike and a
 * weighted-vote ensemble, chosen by name through the strategy catalogue. A strategy sees only the candles up
 * to the one it is given.
 */
package io.botcore.core.strategy;
