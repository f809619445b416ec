// Bots: the user's bots with start / stop / delete (each confirmed), a form that creates one and shows the API's
// validation messages beside their fields, and for admins the kill switch. Viewers see the list only.

import * as api from '../api.js';
import * as live from '../live.js';
import {confirmDialog, h, num, replace, table, toast} from '../dom.js';

const RISK = [
  ['position_fraction', 'Position fraction', 'share of equity per entry, 0–1 (default 0.1)'],
  ['max_open_positions', 'Max open positions', '1–50 (default: one per symbol)'],
  ['max_exposure', 'Max exposure', 'share of equity in positions, 0–1 (default 0.5)'],
  ['daily_loss_limit', 'Daily loss limit', 'share of equity, 0–1 (default 0.05)'],
  ['stop_loss', 'Stop loss', 'fraction below entry, 0–0.5 (optional)'],
  ['take_profit', 'Take profit', 'fraction above entry, 0–10 (optional)'],
  ['trailing_stop', 'Trailing stop', 'fraction, 0–0.5 (optional)'],
];

export function mount(root, ctx) {
  const canTrade = ctx.user.role !== 'viewer';
  const isAdmin = ctx.user.role === 'admin';
  const state = {bots: [], disposed: false};
  const list = h('div', {'data-test': 'bot-list'});
  const killBox = h('div', {class: 'card kill', 'data-test': 'kill-switch'});
  const formBox = h('div', {class: 'card'});

  replace(root, h('h1', {}, 'Bots'),
    isAdmin ? killBox : null,
    h('div', {class: 'card'}, h('h2', {}, 'Your bots'), list),
    canTrade ? formBox : h('p', {class: 'muted', 'data-test': 'viewer-note'},
      'Your role (viewer) may look at bots but not create, start or stop them.'));

  async function act(bot, verb) {
    const body = {
      start: ['Start ' + bot.name + ' on paper?', 'The bot trades simulated money (mode: ' + bot.mode
        + ') from the next candle of the feed on ' + bot.symbols.join(', ') + '.', 'Start paper bot', false],
      stop: ['Stop ' + bot.name + '?', 'Open orders are cancelled and open positions closed at the last price.',
        'Stop bot', true],
      delete: ['Delete ' + bot.name + '?', 'The bot is removed; its orders and trades are kept.', 'Delete bot', true],
    }[verb];
    if (!await confirmDialog({title: body[0], body: body[1], confirm: body[2], danger: body[3]})) return;
    try {
      if (verb === 'delete') await api.del('/api/bots/' + bot.id);
      else await api.post(`/api/bots/${bot.id}/${verb}`);
      toast({start: 'Started ', stop: 'Stopped ', delete: 'Deleted '}[verb] + bot.name);
    } catch (e) {
      toast(e.message, 'error');
    }
    load();
  }

  function renderList() {
    if (state.bots.length === 0) {
      replace(list, h('p', {class: 'empty'}, 'No bots yet.'));
      return;
    }
    replace(list, table(['Name', 'Strategy', 'Symbols', 'Mode', 'State', 'Equity', 'Open', ''],
      state.bots.map((b) => ({
        attrs: {'data-bot': b.id, 'data-name': b.name},
        cells: [b.name, b.strategy + (Object.keys(b.params || {}).length ? ' ' + Object.entries(b.params)
          .map(([k, v]) => k + '=' + v).join(' ') : ''), b.symbols.join(', '), b.mode,
        h('span', {class: 'badge ' + b.status, 'data-test': 'status', title: b.stop_reason || b.problem || ''},
          b.status), b.equity === undefined ? '—' : num(b.equity), b.open_positions ?? '—',
        canTrade ? h('div', {class: 'row-actions'},
          b.status === 'running'
            ? h('button', {type: 'button', 'data-action': 'stop', onclick: () => act(b, 'stop')}, 'Stop')
            : h('button', {type: 'button', 'data-action': 'start', onclick: () => act(b, 'start')}, 'Start'),
          h('button', {type: 'button', 'data-action': 'clone', onclick: () => fillForm(b)}, 'Copy to form'),
          b.status === 'running' ? null
            : h('button', {type: 'button', class: 'quiet', 'data-action': 'delete', onclick: () => act(b, 'delete')},
              'Delete')) : ''],
      }))));
  }

  async function load() {
    try {
      state.bots = await api.get('/api/bots');
      if (!state.disposed) renderList();
      if (isAdmin && !state.disposed) renderKill(await api.get('/api/admin/kill-switch'));
    } catch (e) {
      toast('Bots: ' + e.message, 'error');
    }
  }

  function renderKill(kill) {
    killBox.classList.toggle('engaged', kill.engaged);
    if (kill.engaged) {
      replace(killBox, h('h2', {}, 'Kill switch'),
        h('p', {'data-test': 'kill-state'}, h('strong', {class: 'loss'}, 'ENGAGED'),
          ' by ' + kill.by + ': ' + kill.reason + '. No bot can start until it is released.'),
        h('button', {type: 'button', id: 'kill-release', onclick: release}, 'Release kill switch'));
    } else {
      replace(killBox, h('h2', {}, 'Kill switch'),
        h('p', {'data-test': 'kill-state'}, 'Off. Engaging it stops every bot of every user at once: open orders '
          + 'are cancelled and positions closed.'),
        h('button', {type: 'button', class: 'danger', id: 'kill-engage', onclick: engage}, 'Engage kill switch'));
    }
  }

  async function engage() {
    const reason = h('textarea', {id: 'kill-reason', rows: 2, maxlength: 200, 'aria-label': 'Reason',
      placeholder: 'Why (required)'});
    const ok = await confirmDialog({title: 'Engage the kill switch?', danger: true, confirm: 'Stop every bot',
      body: 'Every running bot of every user stops now; its open orders are cancelled and positions closed.',
      extra: h('div', {}, h('label', {for: 'kill-reason'}, 'Reason'), reason),
      validate: () => reason.value.trim() ? null : 'reason: is required'});
    if (!ok) return;
    try {
      const answer = await api.post('/api/admin/kill-switch', {reason: reason.value.trim()});
      toast('Kill switch engaged: ' + answer.bots_stopped + ' bot(s) stopped'
        + (answer.bots_still_stopping.length ? ', still stopping: ' + answer.bots_still_stopping.join(', ') : ''));
    } catch (e) {
      toast(e.message, 'error');
    }
    load();
  }

  async function release() {
    if (!await confirmDialog({title: 'Release the kill switch?', confirm: 'Release',
      body: 'Bots may be started again (none starts by itself).'})) return;
    try {
      await api.del('/api/admin/kill-switch');
      toast('Kill switch released');
    } catch (e) {
      toast(e.message, 'error');
    }
    load();
  }

  // The create form.
  const fields = {};
  const errors = {};
  function field(name, label, input, hint, wide = false) {
    input.id = 'bot-' + name.replace(/\./g, '-');
    input.name = name;
    fields[name] = input;
    errors[name] = h('p', {class: 'field-error', id: input.id + '-error', 'data-error-for': name});
    input.setAttribute('aria-describedby', errors[name].id);
    return h('div', {class: 'field' + (wide ? ' wide' : '')}, h('label', {for: input.id}, label), input,
      hint ? h('span', {class: 'hint'}, hint) : null, errors[name]);
  }
  const strategy = h('select', {});
  const symbols = h('fieldset', {'aria-label': 'Symbols'});
  const formError = h('p', {class: 'form-error', role: 'alert', 'data-test': 'form-error'});
  const modePaper = h('input', {type: 'radio', name: 'mode', id: 'mode-paper', value: 'paper', checked: true});
  const modeLive = h('input', {type: 'radio', name: 'mode', id: 'mode-live', value: 'live', disabled: true});
  const form = h('form', {class: 'form', id: 'bot-form', novalidate: true},
    field('name', 'Name', h('input', {type: 'text', maxlength: 60, required: true})),
    field('strategy', 'Strategy', strategy),
    field('interval', 'Interval', h('input', {type: 'text', placeholder: 'the feed\'s (e.g. 1h)'})),
    field('initial_balance', 'Initial balance (USDT)', h('input', {type: 'text', inputmode: 'decimal',
      placeholder: 'engine default'})),
    h('div', {class: 'field wide'}, symbols,
      errors.symbols = h('p', {class: 'field-error', 'data-error-for': 'symbols'})),
    field('params', 'Strategy parameters', h('textarea', {rows: 3, placeholder: 'one per line, e.g. period=14'}),
      'name=value, one per line; empty for the strategy\'s defaults', true),
    RISK.map(([name, label, hint]) => field('risk.' + name, label,
      h('input', {type: 'text', inputmode: 'decimal'}), hint)),
    h('fieldset', {class: 'wide'}, h('legend', {}, 'Mode'),
      h('label', {for: 'mode-paper'}, modePaper, ' Paper (simulated money)'),
      h('label', {for: 'mode-live'}, modeLive, ' Live'),
      h('span', {class: 'hint'}, 'Live trading is not available in this engine yet; bots trade on paper.')),
    h('div', {class: 'wide'}, formError,
      h('div', {class: 'actions'}, h('button', {type: 'reset', class: 'quiet'}, 'Clear'),
        h('button', {type: 'submit', class: 'primary', id: 'bot-create'}, 'Create bot'))));
  replace(formBox, h('h2', {}, 'New bot'), form);

  function clearErrors() {
    formError.textContent = '';
    for (const [name, el] of Object.entries(errors)) {
      el.textContent = '';
      (fields[name] || symbols).removeAttribute('aria-invalid');
    }
  }

  function showErrors(problems, fallback) {
    let shown = false;
    for (const [path, rule] of Object.entries(problems)) {
      const name = path.startsWith('symbols') ? 'symbols' : path.startsWith('params') ? 'params' : path;
      if (errors[name]) {
        errors[name].textContent = (errors[name].textContent ? errors[name].textContent + '; ' : '') + rule;
        (fields[name] || symbols).setAttribute('aria-invalid', 'true');
        shown = true;
      }
    }
    if (!shown) formError.textContent = fallback;
    const first = form.querySelector('[aria-invalid="true"]');
    if (first) (first.tagName === 'FIELDSET' ? first.querySelector('input') : first).focus();
  }

  function body() {
    const out = {name: fields.name.value.trim(), strategy: strategy.value,
      symbols: [...symbols.querySelectorAll('input:checked')].map((i) => i.value)};
    if (fields.interval.value.trim()) out.interval = fields.interval.value.trim();
    if (fields.initial_balance.value.trim()) out.initial_balance = fields.initial_balance.value.trim();
    const params = {};
    for (const line of fields.params.value.split('\n')) {
      if (!line.trim()) continue;
      const at = line.indexOf('=');
      if (at < 0) throw new Error('params: write each parameter as name=value');
      params[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
    if (Object.keys(params).length) out.params = params;
    const risk = {};
    for (const [name] of RISK) {
      const value = fields['risk.' + name].value.trim();
      if (value) risk[name] = value;
    }
    if (Object.keys(risk).length) out.risk = risk;
    return out;
  }

  function fillForm(bot) {
    clearErrors();
    fields.name.value = bot.name + ' copy';
    strategy.value = bot.strategy;
    fields.interval.value = bot.interval;
    fields.initial_balance.value = bot.initial_balance;
    fields.params.value = Object.entries(bot.params || {}).map(([k, v]) => k + '=' + v).join('\n');
    for (const box of symbols.querySelectorAll('input')) box.checked = bot.symbols.includes(box.value);
    for (const [name] of RISK) fields['risk.' + name].value = bot.risk[name] ?? '';
    fields.name.focus();
  }

  form.addEventListener('reset', clearErrors);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors();
    let request;
    try {
      request = body();
    } catch (err) {
      showErrors({params: err.message.replace(/^params: /, '')}, err.message);
      return;
    }
    try {
      const bot = await api.post('/api/bots', request);
      toast('Created ' + bot.name + ' (' + bot.id + '); start it from the list');
      form.reset();
      load();
    } catch (err) {
      showErrors(err.fieldProblems(), err.message);
    }
  });

  if (canTrade) {
    Promise.all([api.get('/api/strategies'), api.get('/api/market/symbols')]).then(([names, market]) => {
      replace(strategy, names.map((n) => h('option', {value: n}, n)));
      replace(symbols, h('legend', {}, 'Symbols'), market.symbols.map((s, i) => h('label', {for: 'sym-' + s},
        h('input', {type: 'checkbox', id: 'sym-' + s, value: s, checked: i === 0}), ' ' + s)));
    }, (e) => toast('Bots: ' + e.message, 'error'));
  }

  const offs = [live.on('BotStatusUpdate', () => load())];
  load();
  return () => {
    state.disposed = true;
    offs.forEach((off) => off());
  };
}
