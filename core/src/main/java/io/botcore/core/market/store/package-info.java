/**
 * The on-disk candle store: one directory per exchange, symbol and interval, compact little-endian columnar
 * partition files, merge-by-open-time writes and range reads that report gaps.
 */
package io.botcore.core.market.store;
