// The dashboard's shell: sign-in, the page router (#/overview, #/market, ...), the live-connection badge and
// the session's end (sign-out or expiry) taking the user back to the sign-in form.

import * as api from './api.js';
import * as live from './live.js';
import {h, replace} from './dom.js';

const PAGES = {
  overview: () => import('./pages/overview.js'),
  market: () => import('./pages/market.js'),
  bots: () => import('./pages/bots.js'),
  orders: () => import('./pages/orders.js'),
  backtest: () => import('./pages/unavailable.js'),
  ai: () => import('./pages/ai.js'),
  settings: () => import('./pages/settings.js'),
};

const main = document.getElementById('main');
const top = document.getElementById('top');
let unmount = null;
let loginNotice = '';

function pageName() {
  const name = location.hash.replace(/^#\//, '').split('?')[0];
  return PAGES[name] ? name : 'overview';
}

async function route() {
  if (unmount) {
    unmount();
    unmount = null;
  }
  if (!api.current()) {
    showLogin();
    return;
  }
  top.hidden = false;
  const name = pageName();
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.page === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = 'Bot Core · ' + document.querySelector(`#nav a[data-page="${name}"]`).textContent;
  const root = h('section', {class: 'page', 'data-page': name});
  replace(main, root);
  const module = await PAGES[name]();
  if (!root.isConnected) return;
  unmount = module.mount(root, {name, user: api.current().user}) || null;
}

function showLogin() {
  top.hidden = true;
  document.title = 'Bot Core · Sign in';
  const error = h('p', {class: 'form-error', role: 'alert', id: 'login-error'}, loginNotice);
  const email = h('input', {type: 'email', id: 'email', name: 'email', autocomplete: 'username', required: true});
  const password = h('input', {type: 'password', id: 'password', name: 'password',
    autocomplete: 'current-password', required: true});
  const submit = h('button', {type: 'submit', class: 'primary', id: 'login-submit'}, 'Sign in');
  const form = h('form', {class: 'login', id: 'login-form', novalidate: true},
    h('h1', {}, 'Bot Core'),
    h('p', {class: 'muted'}, 'Sign in to the trading desk.'),
    h('label', {for: 'email'}, 'Email'), email,
    h('label', {for: 'password'}, 'Password'), password,
    error, submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    try {
      await api.login(email.value.trim(), password.value);
      loginNotice = '';
      if (!location.hash || location.hash === '#/login') location.hash = '#/overview';
      else route();
    } catch (err) {
      error.textContent = err.status === 401 ? 'Wrong email or password.' : err.message;
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  replace(main, form);
  (email.value ? password : email).focus();
}

api.onSession((kind, session) => {
  if (kind === 'login') {
    document.getElementById('who').textContent = session.user.email + ' (' + session.user.role + ')';
    live.connect();
  } else if (kind === 'refresh') {
    live.connect();
  } else if (kind === 'expired' || kind === 'logout') {
    live.disconnect();
    loginNotice = kind === 'expired' ? 'Your session has ended. Sign in again.' : '';
    route();
  }
});

live.onState((state) => {
  const badge = document.getElementById('live-state');
  badge.dataset.state = state;
  badge.textContent = {live: 'live', stale: 'stale · reconnecting', connecting: 'connecting',
    offline: 'offline'}[state];
  badge.title = state === 'stale' ? 'No update from the engine for a while; reconnecting' : '';
});

// Maintenance mode (./bot-core maintenance on): the engine's health says so; every page shows why changes are
// refused (the API answers 503 to non-admins) and until when.
async function checkMaintenance() {
  const banner = document.getElementById('maintenance');
  try {
    const report = await api.health();
    const m = report.status === 'maintenance' ? report.maintenance : null;
    banner.hidden = !m;
    banner.textContent = m ? 'Maintenance: ' + (m.message || 'in progress') +
      (m.until ? ' — until ' + new Date(m.until).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '') +
      '. Bots open no new positions and changes are refused (admins excepted); protective stops stay active.' : '';
  } catch (err) {
    banner.hidden = true;
  }
}
checkMaintenance();
setInterval(checkMaintenance, 5000);

document.getElementById('logout').addEventListener('click', () => api.logout());
window.addEventListener('hashchange', route);

if (api.current()) {
  const s = api.current();
  document.getElementById('who').textContent = s.user.email + ' (' + s.user.role + ')';
  live.connect();
}
route();
