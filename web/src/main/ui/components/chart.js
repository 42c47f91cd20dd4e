// A line chart drawn by uPlot: x values and one or more named series. The chart is made once and fed new data
// with setData, so a run's chart can grow epoch by epoch without being rebuilt (the cost per update is in
// docs/benchmarks.md). Screen readers get the figures through the caption and a hidden table summary.
import uPlot from 'uplot';
import { useEffect, useRef } from 'preact/hooks';
import { html } from '../lib/html.js';

const COLOURS = ['#3b5bdb', '#e8590c', '#2b8a3e', '#ae3ec9', '#1098ad', '#c92a2a', '#f08c00', '#495057'];

/** The uPlot series options for {@code labels}: a colour each, dashed for validation series. */
export function seriesOptions(labels) {
  return [{ label: 'x' }, ...labels.map((label, i) => ({
    label,
    stroke: COLOURS[i % COLOURS.length],
    width: 2,
    dash: label.startsWith('val_') || label.includes(' val_') ? [6, 4] : undefined,
    points: { show: true, size: 4 },
  }))];
}

/** The last value of each series as text, for the chart's accessible summary. */
export function summary(labels, series) {
  return labels.map((label, i) => {
    const values = series[i].filter((v) => v != null);
    return `${label}: ${values.length ? Number(values[values.length - 1]).toPrecision(4) : '–'}`;
  }).join(', ');
}

/**
 * {title, x: [numbers], series: [{label, values}], xLabel, height}. Re-created only when the series' labels or the
 * axis label (a new language) change.
 */
export function LineChart({ title, x, series, xLabel = 'epoch', height = 180, testId }) {
  const holder = useRef(null);
  const chart = useRef(null);
  const labels = series.map((s) => s.label);
  const key = labels.join('\u0000');
  const data = [x, ...series.map((s) => s.values)];

  useEffect(() => {
    const width = Math.max(200, holder.current.clientWidth || 320);
    chart.current = new uPlot({
      width, height,
      scales: { x: { time: false } },
      // Epochs and batches are whole numbers: the x axis ticks only at integers.
      axes: [{ label: xLabel, size: 40, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] }, { size: 50 }],
      series: seriesOptions(labels),
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
    }, data, holder.current);
    const resize = new ResizeObserver(() => {
      const next = holder.current?.clientWidth;
      if (next && chart.current) {
        chart.current.setSize({ width: next, height });
      }
    });
    resize.observe(holder.current);
    return () => {
      resize.disconnect();
      chart.current.destroy();
      chart.current = null;
    };
  }, [key, height, xLabel]);

  useEffect(() => {
    chart.current?.setData(data);
  });

  return html`<figure class="chart" data-testid=${testId} data-points=${x.length}>
    <figcaption>${title}</figcaption>
    <div ref=${holder} role="img" aria-label=${`${title}: ${summary(labels, data.slice(1))}`}></div>
  </figure>`;
}

/** The epochs (1…n) and one series per metric of a history ({metric: [values]}), the metrics in {@code names}. */
export function historySeries(history, names, prefix = '') {
  const length = Math.max(0, ...names.map((name) => history[name]?.length ?? 0));
  return {
    x: Array.from({ length }, (_, i) => i + 1),
    series: names.filter((name) => history[name]).map((name) => ({
      label: prefix + name,
      values: Array.from({ length }, (_, i) => history[name][i] ?? null),
    })),
  };
}
