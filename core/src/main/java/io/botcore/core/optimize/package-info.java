/**
 * Parameter search: a grid of strategy parameters ({@code period=7..28:7,oversold=20..35:5}), searched in full or
 * by a seeded random sample, each candidate backtested in parallel and ranked by one metric. The number of trials
 * is kept because it feeds the {@link io.botcore.core.optimize.DeflatedSharpe deflated Sharpe ratio}.
 */
package io.botcore.core.optimize;
