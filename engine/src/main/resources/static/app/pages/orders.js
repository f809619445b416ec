// Orders and trades: the user's history filtered by bot, symbol and status; each closed trade with the reasons of
// the signal that opened it (the signal audit trail); CSV export of what is shown; new rows as the WebSocket
// reports orders and trades.

import * as api from '../api.js';
import * as live from '../live.js';
import {download, h, num, price, replace, signed, table, time, toast} from '../dom.js';

const ORDER_STATUSES = ['', 'NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED', 'EXPIRED'];

const COLUMNS = {
  trades: [['trade_id', 'Trade'], ['bot_id', 'Bot'], ['symbol', 'Symbol'], ['open_time', 'Opened'],
    ['close_time', 'Closed'], ['entry_price', 'Entry'], ['exit_price', 'Exit'], ['quantity', 'Quantity'],
    ['pnl', 'PnL'], ['pnl_percentage', 'PnL %'], ['trading_fees', 'Fees'], ['close_reason', 'Close reason']],
  orders: [['client_order_id', 'Order'], ['bot_id', 'Bot'], ['symbol', 'Symbol'], ['timestamp', 'Time'],
    ['side', 'Side'], ['type', 'Type'], ['quantity', 'Quantity'], ['average_price', 'Avg price'],
    ['status', 'Status'], ['exit_reason', 'Exit reason'], ['reject_message', 'Rejected because']],
};

/** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. */
export function csv(columns, rows) {
  const cell = (v) => {
    const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  return [columns.map(([, label]) => cell(label)).join(','),
    ...rows.map((r) => columns.map(([key]) => cell(r[key])).join(','))].join('\r\n') + '\r\n';
}

/** A signal reason as one line: 'bollinger: close below lower band (close=1, lower=2)'. */
export function reasonText(r) {
  const values = Object.entries(r.values || {}).map(([k, v]) => k + '=' + (v === null ? 'n/a' : num(v, 4)));
  return r.strategy + ': ' + r.rule + (values.length ? ' (' + values.join(', ') + ')' : '');
}

export function mount(root) {
  const state = {kind: 'trades', rows: [], bots: [], expanded: new Set(), disposed: false};
  const kind = h('select', {id: 'hist-kind'}, h('option', {value: 'trades'}, 'Closed trades'),
    h('option', {value: 'orders'}, 'Orders'));
  const bot = h('select', {id: 'hist-bot'}, h('option', {value: ''}, 'All bots'));
  const symbol = h('select', {id: 'hist-symbol'}, h('option', {value: ''}, 'All symbols'));
  const status = h('select', {id: 'hist-status', disabled: true},
    ORDER_STATUSES.map((s) => h('option', {value: s}, s || 'Any status')));
  const limit = h('select', {id: 'hist-limit'}, [100, 500, 1000, 10000].map((n) => h('option', {value: n}, n)));
  const out = h('div', {'data-test': 'history'});
  const count = h('span', {class: 'muted', 'data-test': 'row-count'});
  const exportButton = h('button', {type: 'button', id: 'export-csv'}, 'Export CSV');

  replace(root, h('h1', {}, 'Orders & trades'),
    h('div', {class: 'toolbar'},
      h('label', {for: 'hist-kind'}, 'Show', kind), h('label', {for: 'hist-bot'}, 'Bot', bot),
      h('label', {for: 'hist-symbol'}, 'Symbol', symbol), h('label', {for: 'hist-status'}, 'Order status', status),
      h('label', {for: 'hist-limit'}, 'Newest', limit), exportButton, count),
    h('div', {class: 'card'}, out));

  function cellFor(key, value) {
    if (value === null || value === undefined) return '';
    if (['open_time', 'close_time', 'timestamp'].includes(key)) return time(value);
    if (key === 'pnl') return signed(value);
    if (key === 'pnl_percentage') return signed(value, 2, '%');
    if (['entry_price', 'exit_price', 'average_price'].includes(key)) return price(value);
    if (key === 'quantity') return num(value, 6);
    if (key === 'trading_fees') return num(value, 4);
    return String(value);
  }

  function render() {
    const columns = COLUMNS[state.kind];
    count.textContent = state.rows.length + ' rows';
    if (state.rows.length === 0) {
      replace(out, h('p', {class: 'empty'}, 'Nothing yet for these filters.'));
      return;
    }
    const headers = columns.map(([, label]) => label);
    const rows = [];
    for (const r of state.rows) {
      const id = r.trade_id || r.client_order_id;
      const cells = columns.map(([key]) => cellFor(key, r[key]));
      if (state.kind === 'trades') {
        const open = state.expanded.has(id);
        const reasons = h('tr', {class: 'reasons-row', hidden: !open},
          h('td', {class: 'reasons', colspan: columns.length + 1},
            h('strong', {}, 'Why it opened (signal audit trail): '),
            (r.reasons || []).length ? h('ul', {}, r.reasons.map((x) => h('li', {}, reasonText(x))))
              : 'no reason stored', h('div', {}, 'Closed by: ' + r.close_reason)));
        const toggle = h('button', {type: 'button', class: 'quiet', 'aria-expanded': String(open),
          'aria-label': 'Reasons of trade ' + id}, 'Why');
        toggle.addEventListener('click', () => {
          reasons.hidden = !reasons.hidden;
          if (reasons.hidden) state.expanded.delete(id);
          else state.expanded.add(id);
          toggle.setAttribute('aria-expanded', String(!reasons.hidden));
        });
        rows.push(h('tr', {'data-id': id, 'data-bot': r.bot_id}, cells.map((c) => h('td', {}, c)), h('td', {}, toggle)));
        rows.push(reasons);
      } else {
        rows.push(h('tr', {'data-id': id, 'data-bot': r.bot_id}, cells.map((c) => h('td', {}, c))));
      }
    }
    replace(out, h('div', {class: 'table-wrap'}, h('table', {'data-kind': state.kind},
      h('thead', {}, h('tr', {}, headers.map((t) => h('th', {scope: 'col'}, t)),
        state.kind === 'trades' ? h('th', {scope: 'col'}, 'Reasons') : null)),
      h('tbody', {}, rows))));
  }

  async function load() {
    const q = new URLSearchParams({limit: limit.value});
    if (bot.value) q.set('bot_id', bot.value);
    if (symbol.value) q.set('symbol', symbol.value);
    if (state.kind === 'orders' && status.value) q.set('status', status.value);
    try {
      const rows = await api.get(`/api/${state.kind}?${q}`);
      if (state.disposed) return;
      state.rows = rows;
      render();
    } catch (e) {
      toast('History: ' + e.message, 'error');
    }
  }

  kind.addEventListener('change', () => {
    state.kind = kind.value;
    status.disabled = state.kind !== 'orders';
    load();
  });
  for (const el of [bot, symbol, status, limit]) el.addEventListener('change', load);
  exportButton.addEventListener('click', () => {
    download(`bot-core-${state.kind}-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.csv`,
      csv(COLUMNS[state.kind], state.rows));
  });

  Promise.all([api.get('/api/bots'), api.get('/api/market/symbols')]).then(([bots, market]) => {
    state.bots = bots;
    bot.append(...bots.map((b) => h('option', {value: b.id}, b.name + ' (' + b.id + ')')));
    symbol.append(...market.symbols.map((s) => h('option', {value: s}, s)));
  }, (e) => toast('History: ' + e.message, 'error'));

  let pending = null;
  const soon = () => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      load();
    }, 400);
  };
  const offs = [live.on('TradeClosed', () => state.kind === 'trades' && soon()),
    live.on('OrderUpdate', () => state.kind === 'orders' && soon())];
  load();
  return () => {
    state.disposed = true;
    clearTimeout(pending);
    offs.forEach((off) => off());
  };
}
