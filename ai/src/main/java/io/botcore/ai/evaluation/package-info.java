/**
 * Honest out-of-sample measurement: purged walk-forward folds, classification metrics (accuracy, precision and
 * recall per class, log loss, Brier score, one-vs-rest AUC), calibration curves, and a long/flat backtest with
 * next-open fills and fees for the model-driven strategy and its baselines (buy-and-hold, single-indicator
 * strategies).
 */
package io.botcore.ai.evaluation;
