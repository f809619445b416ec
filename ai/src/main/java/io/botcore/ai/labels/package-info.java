/**
 * Training targets: the direction of the close a fixed number of bars ahead, UP or DOWN beyond a cost
 * threshold and FLAT within it.
 */
package io.botcore.ai.labels;
