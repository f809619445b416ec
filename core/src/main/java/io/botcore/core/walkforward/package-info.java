/**
 * Walk-forward analysis: optimise on a training window, trade the next window out of sample with the chosen
 * parameters, roll forward by the test length, and judge the strategy on the stitched out-of-sample equity alone,
 * with a Monte Carlo reshuffle of its trades for the drawdown distribution and the deflated Sharpe ratio for the
 * number of trials the choices were made from.
 */
package io.botcore.core.walkforward;
