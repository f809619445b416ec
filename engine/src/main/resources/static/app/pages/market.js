// Market: candlesticks and volume of a symbol, EMA / Bollinger overlays, RSI and MACD panes, markers for the signals
// and fills of the user's bots, kept current by the WebSocket's ChartUpdate, SignalGenerated and TradeExecuted.

import * as api from '../api.js';
import * as live from '../live.js';
import {h, replace, price, signed, time, toast} from '../dom.js';
import {createChart, toTime, CandlestickSeries, HistogramSeries, LineSeries, createSeriesMarkers} from '../chart.js';
import {bollinger, ema, macd, rsi} from '../indicators.js';

const LIMIT = 1000;

function intervalMillis(code) {
  const m = /^(\d+)([mhdwM])$/.exec(code);
  if (!m) return 3_600_000;
  const unit = {m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, M: 2_592_000_000}[m[2]];
  return Number(m[1]) * unit;
}

export function mount(root) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const state = {symbol: params.get('symbol'), interval: params.get('interval'), candles: [], fills: [],
    signals: [], disposed: false};
  const symbolSelect = h('select', {id: 'symbol', 'aria-label': 'Symbol'});
  const intervalSelect = h('select', {id: 'interval', 'aria-label': 'Interval'});
  const toggles = {
    ema20: h('input', {type: 'checkbox', id: 'show-ema20', checked: true}),
    ema50: h('input', {type: 'checkbox', id: 'show-ema50', checked: true}),
    bb: h('input', {type: 'checkbox', id: 'show-bb', checked: true}),
    rsi: h('input', {type: 'checkbox', id: 'show-rsi', checked: true}),
    macd: h('input', {type: 'checkbox', id: 'show-macd', checked: true}),
    signals: h('input', {type: 'checkbox', id: 'show-signals', checked: true}),
    fills: h('input', {type: 'checkbox', id: 'show-fills', checked: true}),
  };
  const check = (input, text) => h('label', {class: 'check', for: input.id}, input, text);
  const lastPrice = h('span', {class: 'price', 'data-test': 'last-price'}, '—');
  const change = h('span', {'data-test': 'change'});
  const lastTime = h('span', {class: 'muted', 'data-test': 'last-candle'});
  const markerInfo = h('span', {class: 'muted', 'data-test': 'marker-count'});
  const chartEl = h('div', {class: 'chart', id: 'market-chart', role: 'img',
    'aria-label': 'Candlestick chart with volume and indicators'});

  replace(root,
    h('h1', {}, 'Market'),
    h('div', {class: 'toolbar'},
      h('label', {for: 'symbol'}, 'Symbol', symbolSelect),
      h('label', {for: 'interval'}, 'Interval', intervalSelect),
      check(toggles.ema20, 'EMA 20'), check(toggles.ema50, 'EMA 50'), check(toggles.bb, 'Bollinger 20, 2'),
      check(toggles.rsi, 'RSI 14'), check(toggles.macd, 'MACD 12, 26, 9'), check(toggles.signals, 'Signals'), check(toggles.fills, 'Fills')),
    h('div', {class: 'card'},
      h('div', {class: 'legend'}, h('strong', {'data-test': 'symbol'}), lastPrice, change, lastTime, markerInfo),
      chartEl));

  const chart = createChart(chartEl);
  const candles = chart.addSeries(CandlestickSeries, {upColor: '#26a69a', downColor: '#ef5350',
    borderVisible: false, wickUpColor: '#26a69a', wickDownColor: '#ef5350'});
  const volume = chart.addSeries(HistogramSeries, {priceScaleId: 'volume', priceFormat: {type: 'volume'},
    lastValueVisible: false, priceLineVisible: false});
  chart.priceScale('volume').applyOptions({scaleMargins: {top: 0.8, bottom: 0}});
  const line = (color, width = 1) => chart.addSeries(LineSeries, {color, lineWidth: width, lastValueVisible: false,
    priceLineVisible: false, crosshairMarkerVisible: false});
  const overlays = {ema20: line('#f5a524'), ema50: line('#ab47bc'), bbUpper: line('#5c7cfa'),
    bbMiddle: line('#5c7cfa'), bbLower: line('#5c7cfa')};
  let rsiSeries = null;
  let macdSeries = null;
  const markers = createSeriesMarkers(candles, []);

  function closes() {
    return state.candles.map((c) => c.close);
  }

  function lineData(values) {
    const out = [];
    values.forEach((v, i) => {
      if (Number.isFinite(v)) out.push({time: state.candles[i].time, value: v});
    });
    return out;
  }

  function indicatorValues() {
    const values = closes();
    const none = new Array(values.length).fill(NaN);
    const bands = toggles.bb.checked ? bollinger(values, 20, 2) : {upper: none, middle: none, lower: none};
    const m = toggles.macd.checked ? macd(values, 12, 26, 9) : {line: none, signal: none, histogram: none};
    return {
      ema20: toggles.ema20.checked ? ema(values, 20) : none,
      ema50: toggles.ema50.checked ? ema(values, 50) : none,
      bbUpper: bands.upper, bbMiddle: bands.middle, bbLower: bands.lower,
      rsi: toggles.rsi.checked ? rsi(values, 14) : none,
      macdLine: m.line, macdSignal: m.signal, macdHistogram: m.histogram,
    };
  }

  /** The RSI and MACD panes under the price, in that order, each present while its box is ticked. */
  function arrangePanes() {
    const want = {rsi: toggles.rsi.checked, macd: toggles.macd.checked};
    if (Boolean(rsiSeries) === want.rsi && Boolean(macdSeries) === want.macd) return;
    if (rsiSeries) chart.removeSeries(rsiSeries);
    if (macdSeries) Object.values(macdSeries).forEach((series) => chart.removeSeries(series));
    rsiSeries = null;
    macdSeries = null;
    while (chart.panes().length > 1) chart.removePane(chart.panes().length - 1);
    let pane = 1;
    if (want.rsi) {
      rsiSeries = chart.addSeries(LineSeries, {color: '#26c6da', lineWidth: 1, priceLineVisible: false}, pane);
      rsiSeries.createPriceLine({price: 70, color: '#ef5350', lineStyle: 2, axisLabelVisible: false});
      rsiSeries.createPriceLine({price: 30, color: '#26a69a', lineStyle: 2, axisLabelVisible: false});
      pane++;
    }
    if (want.macd) {
      const quiet = {lineWidth: 1, priceLineVisible: false, lastValueVisible: false, crosshairMarkerVisible: false};
      macdSeries = {
        histogram: chart.addSeries(HistogramSeries, {priceLineVisible: false, lastValueVisible: false}, pane),
        line: chart.addSeries(LineSeries, {...quiet, color: '#f5a524'}, pane),
        signal: chart.addSeries(LineSeries, {...quiet, color: '#5c7cfa'}, pane),
      };
    }
    chart.panes().slice(1).forEach((p) => p.setStretchFactor(0.3));
    chartEl.dataset.panes = ['price', want.rsi && 'rsi', want.macd && 'macd'].filter(Boolean).join(' ');
  }

  function histogramBar(time, value) {
    return {time, value, color: value >= 0 ? 'rgba(38,166,154,.6)' : 'rgba(239,83,80,.6)'};
  }

  function drawIndicators() {
    const values = indicatorValues();
    for (const key of Object.keys(overlays)) overlays[key].setData(lineData(values[key]));
    arrangePanes();
    if (rsiSeries) rsiSeries.setData(lineData(values.rsi));
    if (macdSeries) {
      macdSeries.line.setData(lineData(values.macdLine));
      macdSeries.signal.setData(lineData(values.macdSignal));
      macdSeries.histogram.setData(lineData(values.macdHistogram).map((p) => histogramBar(p.time, p.value)));
    }
  }

  /** After a live candle: only the newest point of each indicator changes, so only it is sent to the chart. */
  function updateIndicators() {
    const values = indicatorValues();
    const last = state.candles.length - 1;
    const t = state.candles[last].time;
    for (const key of Object.keys(overlays)) {
      if (Number.isFinite(values[key][last])) overlays[key].update({time: t, value: values[key][last]});
    }
    if (rsiSeries && Number.isFinite(values.rsi[last])) rsiSeries.update({time: t, value: values.rsi[last]});
    if (macdSeries && Number.isFinite(values.macdLine[last])) macdSeries.line.update({time: t, value: values.macdLine[last]});
    if (macdSeries && Number.isFinite(values.macdHistogram[last])) {
      macdSeries.signal.update({time: t, value: values.macdSignal[last]});
      macdSeries.histogram.update(histogramBar(t, values.macdHistogram[last]));
    }
  }

  function drawMarkers() {
    const step = intervalMillis(state.interval);
    const at = (ms) => toTime(Math.floor(ms / step) * step);
    const list = [];
    if (toggles.signals.checked) {
      for (const s of state.signals) {
        const buy = s.side === 'BUY';
        list.push({time: at(s.time), position: buy ? 'belowBar' : 'aboveBar', color: buy ? '#f5a524' : '#ab47bc',
          shape: 'circle', size: 0.6});
      }
    }
    if (toggles.fills.checked) {
      for (const f of state.fills) {
        const buy = f.side === 'BUY';
        list.push({time: at(f.time), position: buy ? 'belowBar' : 'aboveBar', color: buy ? '#26a69a' : '#ef5350',
          shape: buy ? 'arrowUp' : 'arrowDown', text: buy ? 'B' : 'S'});
      }
    }
    list.sort((a, b) => a.time - b.time);
    markers.setMarkers(list);
    markerInfo.textContent = state.fills.length + ' fills (arrows), ' + state.signals.length
      + ' signals (dots: buy orange, sell violet)';
    markerInfo.dataset.fills = String(state.fills.length);
  }

  function showLast() {
    const last = state.candles[state.candles.length - 1];
    if (!last) return;
    lastPrice.textContent = price(last.close);
    const first = state.candles[Math.max(0, state.candles.length - 1 - Math.round(86_400_000 / intervalMillis(state.interval)))];
    replace(change, signed((last.close / first.open - 1) * 100, 2, '% 24h'));
    lastTime.textContent = 'candle ' + time(last.time * 1000) + ' UTC';
  }

  async function loadMarkers() {
    const bots = (await api.get('/api/bots')).filter((b) => b.symbols.includes(state.symbol));
    const fills = [];
    const signals = [];
    await Promise.all(bots.map(async (bot) => {
      const [f, s] = await Promise.all([
        api.get(`/api/bots/${bot.id}/fills?limit=${LIMIT}`),
        api.get(`/api/signals?bot_id=${bot.id}&symbol=${state.symbol}&limit=${LIMIT}`)]);
      for (const x of f) {
        if (x.symbol === state.symbol) fills.push({time: Date.parse(x.timestamp), side: x.side, price: x.price});
      }
      for (const x of s) {
        if (x.signal_type !== 'HOLD') signals.push({time: x.candle_open_time, side: x.signal_type, outcome: x.outcome});
      }
    }));
    state.fills = fills;
    state.signals = signals;
  }

  async function load() {
    const sym = state.symbol;
    const tf = state.interval;
    history.replaceState(null, '', `#/market?symbol=${sym}&interval=${tf}`);
    root.querySelector('[data-test=symbol]').textContent = sym + ' · ' + tf;
    try {
      const [data] = await Promise.all([api.get(`/api/market/chart/${sym}/${tf}?limit=${LIMIT}`), loadMarkers()]);
      if (state.disposed || sym !== state.symbol || tf !== state.interval) return;
      state.candles = data.candles.map((c) => ({time: toTime(c.timestamp), open: c.open, high: c.high, low: c.low,
        close: c.close, volume: c.volume}));
      candles.setData(state.candles);
      volume.setData(state.candles.map(volumeBar));
      drawIndicators();
      drawMarkers();
      showLast();
      chart.timeScale().scrollToRealTime();
    } catch (e) {
      toast('Chart: ' + e.message, 'error');
    }
  }

  function volumeBar(c) {
    return {time: c.time, value: c.volume, color: c.close >= c.open ? 'rgba(38,166,154,.45)' : 'rgba(239,83,80,.45)'};
  }

  const offs = [
    live.on('ChartUpdate', (d) => {
      if (d.symbol !== state.symbol || d.timeframe !== state.interval || state.candles.length === 0) return;
      const c = d.candle;
      const bar = {time: toTime(c.timestamp), open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume};
      const last = state.candles[state.candles.length - 1];
      if (bar.time < last.time) return;
      if (bar.time === last.time) state.candles[state.candles.length - 1] = bar;
      else state.candles.push(bar);
      if (state.candles.length > LIMIT * 2) {
        state.candles.splice(0, state.candles.length - LIMIT);
        const first = state.candles[0].time * 1000;
        state.fills = state.fills.filter((f) => f.time >= first);
        state.signals = state.signals.filter((x) => x.time >= first);
        drawMarkers();
        candles.setData(state.candles);
        volume.setData(state.candles.map(volumeBar));
        drawIndicators();
      } else {
        candles.update(bar);
        volume.update(volumeBar(bar));
        updateIndicators();
      }
      showLast();
    }),
    live.on('TradeExecuted', (d) => {
      if (d.symbol !== state.symbol) return;
      state.fills.push({time: d.timestamp, side: d.side, price: d.price});
      drawMarkers();
    }),
    live.on('SignalGenerated', (d) => {
      if (d.symbol !== state.symbol) return;
      state.signals.push({time: d.timestamp, side: d.signal, outcome: d.outcome});
      drawMarkers();
    }),
  ];

  let wasLive = live.currentState() === 'live';
  offs.push(live.onState((now) => {
    if (now === 'live' && !wasLive && state.candles.length) load();
    wasLive = now === 'live';
  }));

  symbolSelect.addEventListener('change', () => {
    state.symbol = symbolSelect.value;
    load();
  });
  intervalSelect.addEventListener('change', () => {
    state.interval = intervalSelect.value;
    load();
  });
  for (const key of ['ema20', 'ema50', 'bb', 'rsi', 'macd']) toggles[key].addEventListener('change', drawIndicators);
  toggles.signals.addEventListener('change', drawMarkers);
  toggles.fills.addEventListener('change', drawMarkers);

  api.get('/api/market/symbols').then((data) => {
    if (state.disposed) return;
    if (data.symbols.length === 0) {
      replace(chartEl, h('p', {class: 'empty'}, 'No candles are stored yet.'));
      return;
    }
    if (!data.symbols.includes(state.symbol)) state.symbol = data.symbols[0];
    replace(symbolSelect, data.symbols.map((s) => h('option', {value: s, selected: s === state.symbol}, s)));
    const stored = data.stored[state.symbol] || [];
    const intervals = stored.length ? stored : data.available_timeframes;
    if (!intervals.includes(state.interval)) state.interval = intervals.includes('1h') ? '1h' : intervals[0];
    replace(intervalSelect, intervals.map((i) => h('option', {value: i, selected: i === state.interval}, i)));
    load();
  }, (e) => toast('Symbols: ' + e.message, 'error'));

  return () => {
    state.disposed = true;
    offs.forEach((off) => off());
    chart.remove();
  };
}
