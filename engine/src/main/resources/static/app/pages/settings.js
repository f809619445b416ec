// Settings: the signed-in account and its exchange API keys (stored sealed by the engine, shown masked only);
// for admins the engine's log level, the audit log and how to switch maintenance mode (the engine has no HTTP
// route for it: it is the host's ./bot-core maintenance). Risk limits per bot are on the Bots page; users and
// roles have no API yet.

import * as api from '../api.js';
import {confirmDialog, h, replace, table, time, toast} from '../dom.js';

const LEVELS = ['ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE'];

export function mount(root, ctx) {
  const user = ctx.user;
  const admin = h('div', {});
  replace(root, h('h1', {}, 'Settings'),
    h('div', {class: 'card'}, h('h2', {}, 'Account'),
      h('p', {}, user.email + ' · role ' + user.role + (user.last_login ? ' · last sign-in ' + time(user.last_login) + ' UTC' : ''))),
    exchangeKeys(user),
    admin,
    h('div', {class: 'card', 'data-test': 'unavailable'}, h('h2', {}, 'Not available yet'),
      h('p', {class: 'muted'}, 'Users and roles have no engine API yet; manage them with ./bot-core on the host. '
        + 'Risk limits are set per bot on the Bots page.')));
  if (user.role !== 'admin') return undefined;

  const level = h('select', {id: 'log-level'}, LEVELS.map((l) => h('option', {value: l}, l)));
  const audit = h('div', {});
  replace(admin,
    h('div', {class: 'card'}, h('h2', {}, 'Log level'),
      h('div', {class: 'toolbar'}, h('label', {for: 'log-level'}, 'Engine log level', level),
        h('button', {type: 'button', onclick: async () => {
          try {
            const answer = await api.put('/api/admin/log-level', {level: level.value});
            toast('Log level is now ' + answer.level);
          } catch (e) {
            toast(e.message, 'error');
          }
        }}, 'Apply'))),
    h('div', {class: 'card', 'data-test': 'maintenance'}, h('h2', {}, 'Maintenance mode'),
      h('p', {}, 'The engine has no HTTP route for maintenance mode; switch it on the host:'),
      h('pre', {}, './bot-core maintenance on --message "what users are told" [--until 4h]\n'
        + './bot-core maintenance off\n./bot-core maintenance status'),
      h('p', {class: 'muted'}, 'While it is on, non-admins\' changes are refused with the message, bots place no '
        + 'new orders and the health report says maintenance.')),
    h('div', {class: 'card'}, h('h2', {}, 'Audit log (24 h)'), audit));
  api.get('/api/admin/log-level').then((d) => {
    level.value = d.level.toUpperCase();
  }, (e) => toast(e.message, 'error'));
  api.get('/api/admin/audit?since=24h&limit=200').then((events) => {
    replace(audit, events.length === 0 ? h('p', {class: 'empty'}, 'No event in the last 24 hours.')
      : table(['Time (UTC)', 'Event', 'Who', 'From', 'Details'], events.map((e) => [time(e.at), e.type,
        e.actor || '', e.address || '', JSON.stringify(e.details || {})])));
  }, (e) => toast(e.message, 'error'));
  return undefined;
}

const KEYS = '/api/settings/exchange-keys';

/** The exchange keys card: what is stored (masked), a form to replace it and a delete button (not for viewers). */
function exchangeKeys(user) {
  const card = h('div', {class: 'card', 'data-test': 'exchange-keys'});
  const current = h('div', {'data-test': 'keys-current'}, h('p', {class: 'muted'}, 'Loading…'));
  const field = (id, label, attrs) => {
    const input = h('input', {id, name: id, autocomplete: 'off', spellcheck: 'false', ...attrs});
    const error = h('p', {class: 'field-error', id: id + '-error', role: 'alert'});
    input.setAttribute('aria-describedby', error.id);
    return {input, error, node: h('div', {class: 'field'}, h('label', {for: id}, label), input, error)};
  };
  const key = field('keys-api-key', 'API key', {type: 'text'});
  const secret = field('keys-api-secret', 'API secret', {type: 'password'});
  const testnet = h('input', {type: 'checkbox', id: 'keys-testnet'});
  const formError = h('p', {class: 'form-error', role: 'alert', id: 'keys-error'});
  const save = h('button', {type: 'submit', class: 'primary', id: 'keys-save'}, 'Save keys');
  const remove = h('button', {type: 'button', class: 'danger', id: 'keys-delete', hidden: true}, 'Delete keys');
  const form = h('form', {class: 'form', id: 'keys-form', novalidate: true}, key.node, secret.node,
    h('label', {class: 'check', for: 'keys-testnet'}, testnet, 'Binance testnet'),
    h('div', {class: 'wide'}, formError, h('div', {class: 'actions'}, save, remove)));
  const writer = user.role !== 'viewer';
  replace(card, h('h2', {}, 'Exchange API keys'), current,
    writer ? form : h('p', {class: 'muted', 'data-test': 'keys-viewer-note'}, 'Your role (viewer) may only read.'),
    h('p', {class: 'muted'}, 'The engine stores them encrypted and never shows the secret again.'));

  function show(data) {
    remove.hidden = !data.configured;
    replace(current, data.configured
      ? h('p', {}, 'Key ', h('code', {'data-test': 'keys-key'}, data.api_key_masked), ' · secret ',
        h('code', {'data-test': 'keys-secret'}, data.api_secret_masked), data.testnet ? ' · testnet' : ' · live',
        ' · saved ', time(data.last_updated), ' UTC')
      : h('p', {class: 'empty', 'data-test': 'keys-none'}, 'No exchange keys are stored for you.'));
  }

  function clearErrors() {
    for (const f of [key, secret]) {
      f.error.textContent = '';
      f.input.removeAttribute('aria-invalid');
    }
    formError.textContent = '';
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors();
    save.disabled = true;
    try {
      const saved = await api.put(KEYS, {api_key: key.input.value.trim(), api_secret: secret.input.value.trim(),
        testnet: testnet.checked});
      key.input.value = '';
      secret.input.value = '';
      show(saved);
      toast('Exchange keys saved');
    } catch (err) {
      const problems = err.fieldProblems();
      const byField = {api_key: key, api_secret: secret};
      let placed = false;
      for (const [name, rule] of Object.entries(problems)) {
        if (!byField[name]) continue;
        byField[name].error.textContent = rule;
        byField[name].input.setAttribute('aria-invalid', 'true');
        placed = true;
      }
      if (!placed) formError.textContent = err.message;
    } finally {
      save.disabled = false;
    }
  });

  remove.addEventListener('click', async () => {
    const ok = await confirmDialog({title: 'Delete exchange keys?', body: 'Live bots of yours can no longer '
      + 'trade until you store keys again.', confirm: 'Delete', danger: true});
    if (!ok) return;
    try {
      show(await api.del(KEYS));
      toast('Exchange keys deleted');
    } catch (err) {
      toast(err.message, 'error');
    }
  });

  api.get(KEYS).then(show, (e) => replace(current, h('p', {class: 'form-error', role: 'alert',
    'data-test': 'keys-unavailable'}, e.message)));
  return card;
}
