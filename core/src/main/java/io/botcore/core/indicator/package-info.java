/**
 * Technical indicators over {@code double} prices and volumes, each in two forms that give identical values:
 * a streaming form fed one value or candle at a time ({@code update}, {@code isReady}, current value) and a
 * batch form over whole {@code double[]} columns returning {@code double[]} aligned with its input, NaN during
 * warm-up.
 *
 * <p>Conventions, which follow TA-Lib and Wilder where ta4j seeds differently (values converge after warm-up):
 * <ul>
 *   <li>SMA(n): mean of the last n values, first at index n-1.</li>
 *   <li>EMA(n): seeded with the SMA of the first n values at index n-1, then
 *       {@code ema += 2/(n+1) * (x - ema)}. ta4j seeds with the first value at index 0.</li>
 *   <li>RSI(n), Wilder: gains and losses of the changes from index 1; first averages are the means of the first
 *       n changes (index n), then {@code avg = ((n-1) * avg + x) / n}. ta4j seeds its averages with 0 at
 *       index 0. A window with neither gain nor loss gives 50 (ta4j gives 0).</li>
 *   <li>ATR(n), Wilder: true range from index 1 (it needs the previous close); first ATR is the mean of the
 *       first n true ranges (index n), then smoothed like RSI. ta4j counts high-low as the true range of
 *       index 0 and seeds with it.</li>
 *   <li>MACD(fast, slow, signal): line = EMA(fast) - EMA(slow) from index slow-1; signal = EMA(signal) of the
 *       line, first at index slow+signal-2; histogram = line - signal.</li>
 *   <li>Bollinger(n, k): middle = SMA(n), upper/lower = middle +/- k * population standard deviation of the
 *       same n values (divided by n, as ta4j 0.17 does).</li>
 *   <li>Volume ratio(n): volume / SMA(n) of volume, the current volume included; 0 when the average is 0.</li>
 * </ul>
 * Inputs must be finite (a {@link io.botcore.core.market.CandleSeries} guarantees it); a NaN input poisons
 * the state.
 */
package io.botcore.core.indicator;
