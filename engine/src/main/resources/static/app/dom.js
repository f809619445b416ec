// Small DOM helpers. Text always goes in as text nodes (never HTML), so data from the API cannot inject markup.

/** Builds an element: h('button', {class: 'x', onclick: fn, dataset: {id: 1}}, 'text', child, [more]). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/** A number with a fixed count of decimals and thousands separators; '—' when absent. */
export function num(value, decimals = 2) {
  if (value === undefined || value === null || value === '') return '—';
  const n = Number(value);
  if (!Number.isFinite(n)) return '—';
  return n.toLocaleString('en-US', {minimumFractionDigits: decimals, maximumFractionDigits: decimals});
}

/** A price: more decimals for small prices. */
export function price(value) {
  const n = Number(value);
  if (!Number.isFinite(n)) return '—';
  return num(n, n >= 1000 ? 2 : n >= 1 ? 4 : 8);
}

/** A signed amount with a class telling gain from loss. */
export function signed(value, decimals = 2, suffix = '') {
  const n = Number(value);
  const text = Number.isFinite(n) ? (n > 0 ? '+' : '') + num(n, decimals) + suffix : '—';
  return h('span', {class: n > 0 ? 'gain' : n < 0 ? 'loss' : ''}, text);
}

/** An instant (ISO text or epoch ms) as 'YYYY-MM-DD HH:MM' UTC. */
export function time(value) {
  if (value === undefined || value === null) return '—';
  const d = new Date(typeof value === 'number' ? value : String(value));
  if (Number.isNaN(d.getTime())) return '—';
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** A table with a header row; rows are arrays of cells (text or nodes) or {cells, attrs}. */
export function table(headers, rows, attrs = {}) {
  return h('div', {class: 'table-wrap'},
    h('table', attrs,
      h('thead', {}, h('tr', {}, headers.map((t) => h('th', {scope: 'col'}, t)))),
      h('tbody', {}, rows.map((row) => Array.isArray(row)
        ? h('tr', {}, row.map((c) => h('td', {}, c)))
        : h('tr', row.attrs, row.cells.map((c) => h('td', {}, c)))))));
}

/** A short message in the corner; kind is 'ok' or 'error'. */
export function toast(message, kind = 'ok') {
  const box = document.getElementById('toasts');
  const item = h('div', {class: 'toast ' + kind}, message);
  box.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 8000 : 4000);
}

/**
 * Asks for an explicit confirmation in a modal dialog (keyboard: Tab between the buttons, Esc cancels).
 * extra is an optional node (for example a reason field) shown above the buttons; it may hold an input that
 * must be filled. Resolves true when confirmed.
 */
export function confirmDialog({title, body, confirm, danger = false, extra = null, validate = () => null}) {
  return new Promise((resolve) => {
    const error = h('p', {class: 'field-error', role: 'alert'});
    const ok = h('button', {type: 'submit', class: danger ? 'danger' : 'primary', 'data-test': 'confirm'}, confirm);
    const cancel = h('button', {type: 'button', class: 'quiet', 'data-test': 'cancel'}, 'Cancel');
    const form = h('form', {method: 'dialog'}, h('h2', {}, title), h('p', {}, body), extra, error,
      h('div', {class: 'actions'}, cancel, ok));
    const dialog = h('dialog', {class: 'confirm', 'aria-label': title}, form);
    let done = false;
    const finish = (value) => {
      if (done) return;
      done = true;
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const problem = validate();
      if (problem) {
        error.textContent = problem;
        return;
      }
      finish(true);
    });
    form.addEventListener('input', () => {
      error.textContent = '';
    });
    cancel.addEventListener('click', () => finish(false));
    dialog.addEventListener('close', () => finish(false));
    document.body.append(dialog);
    dialog.showModal();
    (extra && extra.querySelector('input,textarea') || cancel).focus();
  });
}

/** Downloads text as a file. */
export function download(name, text, type = 'text/csv') {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const a = h('a', {href: url, download: name, hidden: true});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
