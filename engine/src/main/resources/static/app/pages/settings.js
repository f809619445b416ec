// Settings: the signed-in account; for admins the engine's log level and the audit log (the admin API has
// them). Risk limits per bot are on the Bots page; exchange keys, users and maintenance mode have no API yet.

import * as api from '../api.js';
import {h, replace, table, time, toast} from '../dom.js';

const LEVELS = ['ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE'];

export function mount(root, ctx) {
  const user = ctx.user;
  const admin = h('div', {});
  replace(root, h('h1', {}, 'Settings'),
    h('div', {class: 'card'}, h('h2', {}, 'Account'),
      h('p', {}, user.email + ' · role ' + user.role + (user.last_login ? ' · last sign-in ' + time(user.last_login) + ' UTC' : ''))),
    admin,
    h('div', {class: 'card', 'data-test': 'unavailable'}, h('h2', {}, 'Not available yet'),
      h('p', {class: 'muted'}, 'Exchange keys, users and roles, and maintenance mode have no engine API yet; '
        + 'manage them with ./bot-core on the host. Risk limits are set per bot on the Bots page.')));
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
