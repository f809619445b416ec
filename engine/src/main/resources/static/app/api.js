// The engine's REST API with the signed-in session: the access token on every call, one refresh (with the
// refresh token) when it is refused or about to run out, and an 'expired' event when the session cannot go on.

const KEY = 'botcore.session';

/** An API answer that was not a success: its HTTP status, the engine's sentence and per-field problems. */
export class ApiError extends Error {
  constructor(status, message, details) {
    super(message);
    this.status = status;
    this.details = details || [];
  }

  /** Field -> rule, from 'details' or from an error of the form 'field: rule'. */
  fieldProblems() {
    const out = {};
    for (const d of this.details) out[d.field] = d.rule;
    if (this.details.length === 0) {
      const m = /^([a-z_.\[\]0-9]+): (.+)$/.exec(this.message);
      if (m) out[m[1]] = m[2];
    }
    return out;
  }
}

const listeners = new Set();
let session = load();
let refreshing = null;
let timer = null;

function load() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY)) || null;
  } catch {
    return null;
  }
}

function save(next) {
  session = next;
  if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
  else sessionStorage.removeItem(KEY);
  schedule();
}

/** Refreshes a minute (or a fifth of the lifetime) before the access token runs out. */
function schedule() {
  clearTimeout(timer);
  if (!session) return;
  const lifetime = session.expiresAt - session.issuedAt;
  const wait = session.expiresAt - Math.min(60_000, lifetime / 5) - Date.now();
  timer = setTimeout(() => refresh().catch(() => {}), Math.max(1000, wait));
}

function fromAnswer(data) {
  return {token: data.token, refresh: data.refresh_token, user: data.user, issuedAt: Date.now(),
    expiresAt: Date.now() + data.expires_in * 1000};
}

/** Listens to 'login', 'refresh' and 'expired'. */
export function onSession(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function emit(kind) {
  for (const fn of listeners) fn(kind, session);
}

export function current() {
  return session;
}

async function send(method, path, body, token) {
  const headers = {Accept: 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = 'Bearer ' + token;
  let response;
  try {
    response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store'});
  } catch (e) {
    throw new ApiError(0, 'the engine cannot be reached (' + e.message + ')');
  }
  let json = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, (json && json.error) || 'HTTP ' + response.status, json && json.details);
  }
  return json;
}

export async function login(email, password) {
  const answer = await send('POST', '/api/auth/login', {email, password});
  save(fromAnswer(answer.data));
  emit('login');
  return session;
}

/** Ends the session on the engine (the refresh token stops working) and here. */
export async function logout() {
  const s = session;
  save(null);
  if (s) {
    try {
      await send('POST', '/api/auth/logout', {refresh_token: s.refresh}, s.token);
    } catch {
      // the token may already be invalid; the session is over here either way
    }
  }
  emit('logout');
}

/** Trades the refresh token for new tokens; on failure the session has expired. */
export function refresh() {
  if (!session) return Promise.reject(new ApiError(401, 'not signed in'));
  if (!refreshing) {
    const s = session;
    refreshing = send('POST', '/api/auth/refresh', {refresh_token: s.refresh})
      .then((answer) => {
        save(fromAnswer(answer.data));
        emit('refresh');
        return session;
      })
      .catch((e) => {
        if (e.status !== 0) expire();
        throw e;
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

function expire() {
  if (!session) return;
  save(null);
  emit('expired');
}

/** Calls the API; data of the envelope on success, ApiError otherwise. */
export async function call(method, path, body) {
  if (!session) throw new ApiError(401, 'not signed in');
  try {
    return (await send(method, path, body, session.token)).data;
  } catch (e) {
    if (e.status !== 401) throw e;
    await refresh();
    return (await send(method, path, body, session.token)).data;
  }
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);
export const del = (path) => call('DELETE', path);
export const put = (path, body) => call('PUT', path, body);

/** The public health report (no token needed). */
export async function health() {
  const response = await fetch('/api/health', {cache: 'no-store'});
  return response.json();
}

schedule();
