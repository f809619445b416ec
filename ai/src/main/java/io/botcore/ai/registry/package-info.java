/**
 * Trained models by version under {@code data/models/}, their metadata mirrored in the MongoDB collection
 * {@code models}, and the promotable, roll-back-able "active" pointer that survives restarts.
 */
package io.botcore.ai.registry;
