// AI: the AI service's active model (through the engine's /api/ai/status) with its out-of-sample metrics next to
// the baseline's, and the model's current signal for a chosen symbol (POST /api/ai/analyze through the engine with
// the symbol's stored candles). Whatever the service says instead (no model, unreachable) is shown as it said it.

import * as api from '../api.js';
import {h, num, replace, time} from '../dom.js';

/** Candles sent for an analysis: enough for every feature to warm up, well under the service's 5,000. */
const WINDOW = 300;

const CLASSIFICATION = [
  ['accuracy', 'Accuracy', 4],
  ['log_loss', 'Log loss (lower is better)', 5],
  ['brier', 'Brier score (lower is better)', 5],
  ['auc_macro', 'AUC (macro)', 4],
  ['rows', 'Out-of-sample rows', 0],
];

const TRADING = [
  ['total_return', 'Total return', true],
  ['max_drawdown', 'Max drawdown', true],
  ['trades', 'Trades', false],
  ['exposure', 'Exposure', true],
];

const percent = (v) => (Number.isFinite(Number(v)) ? num(Number(v) * 100, 2) + ' %' : '—');

export function mount(root) {
  let disposed = false;
  const statusBox = h('div', {'data-test': 'ai-status'}, h('p', {class: 'muted'}, 'Asking the AI service…'));
  const symbolSelect = h('select', {id: 'ai-symbol', 'aria-label': 'Symbol'});
  const analyzeButton = h('button', {type: 'submit', class: 'primary', id: 'ai-analyze'}, 'Analyse');
  const signalBox = h('div', {'data-test': 'ai-signal'});
  const form = h('form', {class: 'toolbar', id: 'ai-form'},
    h('label', {for: 'ai-symbol'}, 'Symbol', symbolSelect), analyzeButton);
  replace(root, h('h1', {}, 'AI'),
    h('div', {class: 'card'}, h('h2', {}, 'Active model'), statusBox),
    h('div', {class: 'card'}, h('h2', {}, 'Current signal'), form, signalBox));

  let interval = '1h';
  let preferred = null;

  function failure(e) {
    return h('p', {class: 'form-error', role: 'alert', 'data-test': 'ai-error'}, e.message);
  }

  function showStatus(data) {
    const model = data.model || {};
    if (model.state !== 'active') {
      replace(statusBox, h('p', {'data-test': 'ai-no-model'}, model.message || 'The AI service serves no model.'));
      return;
    }
    interval = model.interval;
    if ([...symbolSelect.options].some((o) => o.value === model.symbol)) symbolSelect.value = model.symbol;
    preferred = model.symbol;
    const oos = model.out_of_sample || {};
    const baseline = oos.baseline || {};
    const wf = oos.walk_forward || {};
    const rows = CLASSIFICATION.map(([key, label, decimals]) => ({attrs: {'data-metric': key},
      cells: [label, num(oos[key], decimals), num(baseline[key], decimals)]}));
    const tradingRows = TRADING.map(([key, label, isPercent]) => ({attrs: {'data-metric': key},
      cells: [label].concat(['strategy', 'buy_and_hold', 'best_indicator'].map((k) => {
        const v = (oos[k] || {})[key];
        return isPercent ? percent(v) : num(v, 0);
      }))}));
    const verdict = oos.verdict || {};
    replace(statusBox,
      h('p', {}, h('strong', {'data-test': 'ai-version'}, model.active_version), ' · ', model.kind, ' · ',
        model.symbol, ' ', model.interval, ' · trained ', time(model.trained_at), ' UTC on ',
        time(model.training_window.from), ' – ', time(model.training_window.to), ' (',
        num(model.training_window.rows, 0), ' rows)'),
      h('p', {class: 'muted'}, 'Walk-forward out of sample: ', num(wf.folds, 0), ' folds, ',
        time(wf.out_of_sample_from), ' – ', time(wf.out_of_sample_to), ' UTC. In each fold the baseline '
        + 'predicts the class frequencies of that fold\'s training window.'),
      h('div', {'data-test': 'ai-metrics'}, tableOf(['Out of sample', 'Model', 'Baseline'], rows)),
      h('div', {'data-test': 'ai-trading'},
        tableOf(['Trading the signal (fees included)', 'Model', 'Buy and hold',
          'Best indicator' + ((oos.best_indicator || {}).name ? ' (' + oos.best_indicator.name + ')' : '')],
        tradingRows)),
      h('p', {class: 'muted'}, 'Beats the baseline on log loss: ', yes(verdict.beats_baseline_log_loss),
        ' · on Brier: ', yes(verdict.beats_baseline_brier), ' · beats buy and hold: ',
        yes(verdict.beats_buy_and_hold), ' · beats the best indicator: ', yes(verdict.beats_best_indicator)));
  }

  function yes(value) {
    return value === true ? 'yes' : value === false ? 'no' : '—';
  }

  function tableOf(headers, rows) {
    return h('div', {class: 'table-wrap'}, h('table', {},
      h('thead', {}, h('tr', {}, headers.map((t) => h('th', {scope: 'col'}, t)))),
      h('tbody', {}, rows.map((r) => h('tr', r.attrs, r.cells.map((c) => h('td', {}, c)))))));
  }

  function showSignal(a) {
    const p = a.probabilities || {};
    replace(signalBox,
      h('p', {}, h('strong', {class: 'signal', 'data-test': 'ai-signal-value', 'data-signal': a.signal}, a.signal),
        ' · confidence ', h('span', {'data-test': 'ai-confidence'}, num(a.confidence, 4)), ' · ', a.symbol, ' ',
        a.timeframe, ' candle ', time(a.candle_open_time), ' UTC · model ', a.model_version,
        a.cached ? ' · cached answer' : ''),
      tableOf(['Class', 'Probability'], ['up', 'flat', 'down'].map((k) => ({attrs: {'data-class': k},
        cells: [k, num(p[k], 4)]}))),
      h('p', {'data-test': 'ai-reasoning'}, a.reasoning),
      tableOf(['Feature', 'Value', 'Training median', 'Contribution', 'Meaning'], (a.reasons || []).map((r) => ({
        attrs: {'data-feature': r.feature},
        cells: [r.feature, num(r.value, 4), num(r.training_median, 4), num(r.contribution, 4), r.description]}))),
      a.explanation ? h('p', {class: 'muted'}, a.explanation) : null);
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const symbol = symbolSelect.value;
    analyzeButton.disabled = true;
    replace(signalBox, h('p', {class: 'muted'}, 'Analysing ' + symbol + ' ' + interval + '…'));
    try {
      const chart = await api.get(`/api/market/chart/${symbol}/${interval}?limit=${WINDOW}`);
      const candles = chart.candles.map((c) => ({timestamp: c.timestamp, open: c.open, high: c.high, low: c.low,
        close: c.close, volume: c.volume}));
      if (candles.length === 0) throw new Error('no ' + interval + ' candles of ' + symbol + ' are stored');
      const answer = await api.post('/api/ai/analyze', {symbol, timeframe_data: {[interval]: candles},
        current_price: candles[candles.length - 1].close, timestamp: Date.now()});
      if (!disposed) showSignal(answer);
    } catch (err) {
      if (!disposed) replace(signalBox, failure(err));
    } finally {
      analyzeButton.disabled = false;
    }
  });

  api.get('/api/ai/status').then((data) => {
    if (!disposed) showStatus(data);
  }, (e) => {
    if (!disposed) replace(statusBox, failure(e));
  });
  api.get('/api/market/symbols').then((data) => {
    if (disposed) return;
    replace(symbolSelect, data.symbols.map((s) => h('option', {value: s, selected: s === preferred}, s)));
  }, (e) => {
    if (!disposed) replace(signalBox, failure(e));
  });

  return () => {
    disposed = true;
  };
}
