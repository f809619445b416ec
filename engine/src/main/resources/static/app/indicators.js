// Indicator overlays for the charts, over an array of closes, with the same definitions as core's indicators
// (io.botcore.core.indicator), so the chart shows what the strategies see: EMA with k = 2 / (n + 1) seeded with
// the SMA of the first n values; Bollinger = SMA(n) +- m population standard deviations; RSI with Wilder's
// smoothing seeded with the means of the first n changes (50 without gain or loss, 100 with gains only);
// MACD line = EMA(fast) - EMA(slow), signal = EMA(signal) of the line from its first defined value, histogram =
// line - signal.
// Values before an indicator is defined are NaN.

export function ema(values, period) {
  return emaFrom(values, 0, period);
}

/** EMA of values[start..], seeded with the mean of values[start .. start + period - 1]; NaN before. */
function emaFrom(values, start, period) {
  const out = new Array(values.length).fill(NaN);
  if (values.length - start < period) return out;
  const k = 2 / (period + 1);
  let prev = 0;
  for (let i = start; i < start + period; i++) prev += values[i];
  prev /= period;
  out[start + period - 1] = prev;
  for (let i = start + period; i < values.length; i++) {
    prev = prev + k * (values[i] - prev);
    out[i] = prev;
  }
  return out;
}

export function macd(values, fast, slow, signalPeriod) {
  const f = ema(values, fast);
  const s = ema(values, slow);
  const line = values.map((_, i) => f[i] - s[i]);
  const signal = emaFrom(line, slow - 1, signalPeriod);
  const histogram = line.map((v, i) => v - signal[i]);
  return {line, signal, histogram};
}

export function bollinger(values, period, multiplier) {
  const middle = new Array(values.length).fill(NaN);
  const upper = new Array(values.length).fill(NaN);
  const lower = new Array(values.length).fill(NaN);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    if (i >= period) sum -= values[i - period];
    if (i < period - 1) continue;
    const mean = sum / period;
    let squares = 0;
    for (let j = i - period + 1; j <= i; j++) squares += (values[j] - mean) ** 2;
    const deviation = Math.sqrt(squares / period);
    middle[i] = mean;
    upper[i] = mean + multiplier * deviation;
    lower[i] = mean - multiplier * deviation;
  }
  return {middle, upper, lower};
}

export function rsi(values, period) {
  const out = new Array(values.length).fill(NaN);
  if (values.length <= period) return out;
  let gain = 0;
  let loss = 0;
  for (let i = 1; i <= period; i++) {
    const change = values[i] - values[i - 1];
    gain += Math.max(change, 0);
    loss += Math.max(-change, 0);
  }
  gain /= period;
  loss /= period;
  out[period] = value(gain, loss);
  for (let i = period + 1; i < values.length; i++) {
    const change = values[i] - values[i - 1];
    gain = ((period - 1) * gain + Math.max(change, 0)) / period;
    loss = ((period - 1) * loss + Math.max(-change, 0)) / period;
    out[i] = value(gain, loss);
  }
  return out;
}

function value(gain, loss) {
  if (loss === 0) return gain === 0 ? 50 : 100;
  return 100 - 100 / (1 + gain / loss);
}
