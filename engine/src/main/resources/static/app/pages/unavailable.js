// Backtest page: the engine has no API for it yet, so the page says so instead of showing made-up data.

import {h, replace} from '../dom.js';

const TEXT = {
  backtest: {title: 'Backtest', body: 'Backtests are not available in the dashboard yet: the engine has no backtest '
    + 'API. Run one from the host with ./bot-core backtest.'},
};

export function mount(root, ctx) {
  const text = TEXT[ctx.name];
  replace(root, h('h1', {}, text.title), h('div', {class: 'card', 'data-test': 'unavailable'}, h('p', {}, text.body)));
}
