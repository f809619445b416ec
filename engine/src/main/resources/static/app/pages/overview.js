// Overview: one bot's equity curve and drawdown, PnL, exposure against its limit, open positions with
// unrealised PnL, every bot and its state, and the engine's health; refreshed by the WebSocket's portfolio and
// bot events.

import * as api from '../api.js';
import * as live from '../live.js';
import {h, num, price, replace, signed, table, time, toast} from '../dom.js';
import {createChart, toTime, AreaSeries, LineSeries} from '../chart.js';

export function mount(root) {
  const state = {bots: [], botId: null, disposed: false};
  const botSelect = h('select', {id: 'overview-bot', 'aria-label': 'Bot'});
  const stats = h('div', {class: 'grid', 'data-test': 'stats'});
  const chartEl = h('div', {class: 'chart small', role: 'img', 'aria-label': 'Equity curve and drawdown'});
  const positions = h('div', {'data-test': 'positions'});
  const bots = h('div', {'data-test': 'bots'});
  const healthBox = h('div', {'data-test': 'health'});

  replace(root,
    h('h1', {}, 'Overview'),
    h('div', {class: 'toolbar'}, h('label', {for: 'overview-bot'}, 'Bot', botSelect)),
    stats,
    h('div', {class: 'cols'},
      h('div', {},
        h('div', {class: 'card'}, h('h2', {}, 'Equity and drawdown'), chartEl),
        h('div', {class: 'card'}, h('h2', {}, 'Open positions'), positions)),
      h('div', {},
        h('div', {class: 'card'}, h('h2', {}, 'Bots'), bots),
        h('div', {class: 'card'}, h('h2', {}, 'Service health'), healthBox))));

  const chart = createChart(chartEl);
  const equity = chart.addSeries(LineSeries, {color: '#3b82f6', lineWidth: 2, priceLineVisible: false});
  const drawdown = chart.addSeries(AreaSeries, {lineColor: '#ef5350', topColor: 'rgba(239,83,80,.05)',
    bottomColor: 'rgba(239,83,80,.4)', lineWidth: 1, priceFormat: {type: 'percent'}, priceLineVisible: false}, 1);
  chart.panes()[1].setHeight(80);

  function stat(label, value, test) {
    return h('div', {class: 'card stat', 'data-test': test}, h('div', {class: 'label'}, label),
      h('div', {class: 'value'}, value));
  }

  function renderBots() {
    if (state.bots.length === 0) {
      replace(bots, h('p', {class: 'empty'}, 'No bots yet. ', h('a', {href: '#/bots'}, 'Create one'), '.'));
      return;
    }
    replace(bots, table(['Bot', 'Strategy', 'Symbols', 'State', 'Equity'], state.bots.map((b) => ({
      attrs: {'data-bot': b.id},
      cells: [b.name, b.strategy, b.symbols.join(', '), h('span', {class: 'badge ' + b.status}, b.status),
        b.equity === undefined ? '—' : num(b.equity)],
    }))));
  }

  async function loadBot() {
    const bot = state.bots.find((b) => b.id === state.botId);
    if (!bot) {
      replace(stats, stat('Bots', '0', 'bot-count'));
      replace(positions, h('p', {class: 'empty'}, 'No bot selected.'));
      equity.setData([]);
      drawdown.setData([]);
      return;
    }
    const [portfolio, history] = await Promise.all([api.get(`/api/bots/${bot.id}/portfolio`),
      api.get(`/api/bots/${bot.id}/equity?limit=10000`)]);
    if (state.disposed) return;
    const points = history.filter((p) => !bot.run || p.run === bot.run.number).reverse();
    let peak = -Infinity;
    const curve = [];
    const dd = [];
    for (const p of points) {
      const t = toTime(p.timestamp);
      if (curve.length && curve[curve.length - 1].time >= t) continue;
      const value = Number(p.equity);
      peak = Math.max(peak, value);
      curve.push({time: t, value});
      dd.push({time: t, value: (value / peak - 1) * 100});
    }
    equity.setData(curve);
    drawdown.setData(dd);
    chart.timeScale().fitContent();
    const initial = Number(portfolio.initial_cash ?? bot.initial_balance);
    const eq = Number(portfolio.equity);
    const maxDd = dd.reduce((m, p) => Math.min(m, p.value), 0);
    const dayStart = curve.length ? Math.floor(curve[curve.length - 1].time / 86400) * 86400 : 0;
    const beforeToday = curve.filter((p) => p.time <= dayStart).pop();
    const today = eq - (beforeToday ? beforeToday.value : initial);
    const exposure = Number(portfolio.exposure ?? 0);
    const limit = Number(bot.risk.max_exposure) * 100;
    replace(stats,
      stat('Equity', num(eq), 'equity'),
      stat('PnL today (UTC, feed time)', signed(today), 'pnl-today'),
      stat('Total PnL', signed(eq - initial), 'pnl-total'),
      stat('Return', signed((eq / initial - 1) * 100, 2, '%'), 'return'),
      stat('Realised / unrealised', h('span', {}, signed(portfolio.realised_pnl ?? 0), ' / ',
        signed(portfolio.unrealised_pnl ?? 0)), 'pnl-split'),
      stat('Max drawdown', signed(maxDd, 2, '%'), 'drawdown'),
      stat('Exposure / limit', num(eq > 0 ? exposure / eq * 100 : 0, 1) + '% / ' + num(limit, 0) + '%', 'exposure'),
      stat('Trades', String(portfolio.trade_count ?? 0), 'trade-count'));
    const open = portfolio.positions || [];
    replace(positions, open.length === 0 ? h('p', {class: 'empty'}, 'No open position.')
      : table(['Symbol', 'Quantity', 'Entry', 'Mark', 'Unrealised PnL'], open.map((p) => [p.symbol,
        num(p.quantity, 6), price(p.entry_price), price(p.mark_price), signed(p.unrealized_pnl)])));
  }

  async function loadBots() {
    state.bots = await api.get('/api/bots');
    if (state.disposed) return;
    if (!state.bots.some((b) => b.id === state.botId)) {
      const running = state.bots.find((b) => b.status === 'running');
      state.botId = (running || state.bots[state.bots.length - 1] || {}).id || null;
    }
    replace(botSelect, state.bots.map((b) => h('option', {value: b.id, selected: b.id === state.botId},
      b.name + ' (' + b.status + ')')));
    renderBots();
    await loadBot();
  }

  async function loadHealth() {
    try {
      const report = await api.health();
      if (state.disposed) return;
      const rows = Object.entries(report.components || {}).map(([name, c]) => [name,
        h('span', {class: 'badge ' + c.status}, c.status), time(c.checked_at)]);
      replace(healthBox, h('p', {}, 'Engine ', h('span', {class: 'badge ' + report.status, 'data-test': 'engine-status'},
        report.status), ' · up ' + num((report.uptime_s || 0) / 60, 0) + ' min · version ' + (report.version || '?')),
        table(['Component', 'State', 'Checked (UTC)'], rows));
    } catch (e) {
      replace(healthBox, h('p', {class: 'loss'}, 'The engine does not answer: ' + e.message));
    }
  }

  let pending = null;
  function soon() {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      loadBots().catch((e) => toast('Overview: ' + e.message, 'error'));
    }, 2000);
  }

  botSelect.addEventListener('change', () => {
    state.botId = botSelect.value;
    loadBot().catch((e) => toast('Overview: ' + e.message, 'error'));
  });
  let wasLive = live.currentState() === 'live';
  const offs = [live.on('PortfolioUpdate', soon), live.on('BotStatusUpdate', soon), live.onState((now) => {
    if (now === 'live' && !wasLive) soon();
    wasLive = now === 'live';
  })];
  const healthTimer = setInterval(loadHealth, 10000);
  loadBots().catch((e) => toast('Overview: ' + e.message, 'error'));
  loadHealth();

  return () => {
    state.disposed = true;
    offs.forEach((off) => off());
    clearInterval(healthTimer);
    clearTimeout(pending);
    chart.remove();
  };
}
