/**
 * A training run end to end ({@link io.botcore.ai.training.TrainCommandSupport}): features, labels, the purged
 * walk-forward of every model against the baselines, final models registered with their metrics, optional
 * promotion, and a Markdown report with equity-curve and calibration pictures.
 */
package io.botcore.ai.training;
