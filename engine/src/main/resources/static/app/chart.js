// The chart library (TradingView Lightweight Charts, served from the engine's jar) with the dashboard's theme.

import * as lwc from '/vendor/lightweight-charts-5.0.9/lightweight-charts.standalone.production.mjs';

export const {CandlestickSeries, HistogramSeries, LineSeries, AreaSeries, createSeriesMarkers} = lwc;

/** A chart filling el, resized with it; attribution is in the page footer (the logo needs inline CSS). */
export function createChart(el, options = {}) {
  const chart = lwc.createChart(el, {
    autoSize: true,
    layout: {background: {color: '#171d25'}, textColor: '#8b96a5', attributionLogo: false,
      panes: {separatorColor: '#2a323d'}},
    grid: {vertLines: {color: '#1f2630'}, horzLines: {color: '#1f2630'}},
    rightPriceScale: {borderColor: '#2a323d'},
    timeScale: {borderColor: '#2a323d', timeVisible: true, secondsVisible: false},
    crosshair: {mode: lwc.CrosshairMode.Normal},
    ...options,
  });
  return chart;
}

/** Epoch milliseconds (or ISO text) as the chart's time: UTC seconds. */
export function toTime(value) {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Math.floor(ms / 1000);
}
