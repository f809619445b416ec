/**
 * Self-contained HTML reports of backtests and walk-forwards: one file with its own styles and inline SVG charts,
 * no script and no network. Documents are built with jsoup, which escapes every text and attribute it writes.
 */
package io.botcore.app.report;
