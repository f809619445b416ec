// The engine's WebSocket (/ws): one connection for the whole page, events fanned out by type, a ping every
// few seconds, a visible state ('live', 'stale', 'connecting', 'offline') and reconnects with back-off.

import * as api from './api.js';

const PING_EVERY_MS = 5000;
const STALE_AFTER_MS = 12000;

const handlers = new Map();
const stateListeners = new Set();
let socket = null;
let state = 'offline';
let lastMessageAt = 0;
let pinger = null;
let retryTimer = null;
let retryDelay = 1000;
let wanted = false;

/** Subscribes to one message type ('*' for all); returns the unsubscribe function. */
export function on(type, fn) {
  if (!handlers.has(type)) handlers.set(type, new Set());
  handlers.get(type).add(fn);
  return () => handlers.get(type).delete(fn);
}

export function onState(fn) {
  stateListeners.add(fn);
  fn(state, detail());
  return () => stateListeners.delete(fn);
}

export function currentState() {
  return state;
}

function detail() {
  return {lastMessageAt, retryInMs: retryTimer ? retryDelay : 0};
}

function setState(next) {
  if (next === state) return;
  state = next;
  for (const fn of stateListeners) fn(state, detail());
}

/** Opens the connection (again) with the current access token. */
export function connect() {
  wanted = true;
  clearTimeout(retryTimer);
  retryTimer = null;
  const s = api.current();
  if (!s) return;
  if (socket) {
    socket.onclose = null;
    socket.close();
  }
  if (state !== 'stale') setState('connecting');
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(scheme + '//' + location.host + '/ws?token=' + encodeURIComponent(s.token));
  socket = ws;
  ws.onopen = () => {
    retryDelay = 1000;
    lastMessageAt = Date.now();
  };
  ws.onmessage = (event) => {
    lastMessageAt = Date.now();
    setState('live');
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    for (const key of [message.type, '*']) {
      for (const fn of handlers.get(key) || []) {
        try {
          fn(message.data, message);
        } catch (e) {
          console.error('handler of ' + message.type + ' failed', e);
        }
      }
    }
  };
  ws.onclose = (event) => {
    if (socket !== ws) return;
    socket = null;
    if (!wanted) {
      setState('offline');
      return;
    }
    if (event.code === 4001) {
      api.refresh().then(connect, () => setState('offline'));
      return;
    }
    retry();
  };
  clearInterval(pinger);
  pinger = setInterval(tick, PING_EVERY_MS);
}

function tick() {
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify({type: 'Ping', timestamp: Date.now()}));
  }
  if (state === 'live' && Date.now() - lastMessageAt > STALE_AFTER_MS) {
    setState('stale');
    if (socket) socket.close();
  }
}

function retry() {
  setState('stale');
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => {
    retryTimer = null;
    connect();
  }, retryDelay);
  for (const fn of stateListeners) fn(state, detail());
  retryDelay = Math.min(retryDelay * 2, 15000);
}

/** Closes for good (sign-out). */
export function disconnect() {
  wanted = false;
  clearTimeout(retryTimer);
  retryTimer = null;
  clearInterval(pinger);
  if (socket) socket.close();
  socket = null;
  setState('offline');
}
