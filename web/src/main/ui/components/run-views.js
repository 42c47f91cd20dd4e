// Views of runs from the experiment log, shared by the experiments screen, the report and the TA's desk: curves
// of runs overlaid, the ablation table, a confusion matrix and a model's layers.
import { html } from '../lib/html.js';
import { t } from '../lib/i18n.js';
import { LineChart } from './chart.js';
import { Empty } from './states.js';

/** Metric names of a history in a stable order: loss first, then the others; val_ twins are drawn with theirs. */
export function metricGroups(history) {
  const names = Object.keys(history ?? {}).filter((name) => !name.startsWith('val_'));
  names.sort((a, b) => (a === 'loss' ? -1 : b === 'loss' ? 1 : a.localeCompare(b)));
  return names.map((name) => [name, `val_${name}`].filter((series) => history[series]?.length));
}

/** One chart per metric, each run's training and validation series overlaid: [{title, x, series}]. */
export function curveCharts(runs) {
  const groups = new Map();
  for (const run of runs) {
    const history = run.record?.history ?? {};
    for (const group of metricGroups(history)) {
      const metric = group[0];
      if (!groups.has(metric)) {
        groups.set(metric, { metric, length: 0, series: [] });
      }
      const chart = groups.get(metric);
      for (const name of group) {
        const label = runs.length > 1 ? `${run.name} ${name}` : name;
        chart.series.push({ label, values: history[name] });
        chart.length = Math.max(chart.length, history[name].length);
      }
    }
  }
  return [...groups.values()].map(({ metric, length, series }) => ({
    metric,
    x: Array.from({ length }, (_, i) => i + 1),
    series: series.map(({ label, values }) => ({ label, values: Array.from({ length }, (_, i) => values[i] ?? null) })),
  }));
}

export function RunCurves({ runs }) {
  const charts = curveCharts(runs);
  return html`<div class="chart-grid">
    ${charts.map((chart) => html`<${LineChart} key=${chart.metric} testId=${`curve-${chart.metric}`}
      title=${chart.metric === 'loss' ? t('ws.lossChart') : t('ws.metricChart', { metric: chart.metric })}
      x=${chart.x} series=${chart.series} />`)}
  </div>`;
}

const format = (value, digits = 4) => (value == null ? '–' : Number(value).toFixed(digits));

/** The ablation table: GET …/runs/ablation's answer ({metric, baseline, variants}). */
export function AblationTable({ ablation }) {
  if (!ablation || !ablation.baseline) {
    return html`<${Empty}>${t('exp.ablationEmpty')}<//>`;
  }
  return html`<table class="data ablation" data-testid="ablation-table">
    <caption>${t('exp.ablation')}: ${ablation.metric}</caption>
    <thead><tr><th scope="col">${t('exp.name')}</th><th scope="col">${t('exp.component')}</th>
      <th scope="col">${ablation.metric}</th><th scope="col">${t('exp.against')}</th></tr></thead>
    <tbody>
      <tr class="baseline"><th scope="row">${ablation.baseline.name}</th><td>—</td>
        <td>${format(ablation.baseline.value)}</td><td>—</td></tr>
      ${ablation.variants.map((variant) => html`<tr key=${variant.runId}>
        <th scope="row">${variant.name}</th>
        <td>${variant.component}${variant.removed ? html`<br /><small>${variant.removed}</small>` : ''}
          ${variant.problem ? html`<br /><small class="error">${variant.problem}</small>` : ''}</td>
        <td>${format(variant.value)}</td>
        <td class=${variant.delta == null ? '' : variant.delta < 0 ? 'worse' : 'better'}>
          ${variant.delta == null ? '–' : (variant.delta > 0 ? '+' : '') + format(variant.delta)}</td>
      </tr>`)}
    </tbody>
  </table>`;
}

/** A confusion matrix from a run record's {labels, counts}; cells shaded by their share of the row. */
export function ConfusionMatrix({ run }) {
  const matrix = run.record?.confusionMatrix;
  if (!matrix) {
    return html`<${Empty}>${t('exp.noConfusion', { name: run.name })}<//>`;
  }
  return html`<div class="scroll"><table class="data confusion" data-testid="confusion-matrix">
    <caption>${t('exp.confusion', { name: run.name })}</caption>
    <thead><tr><th scope="col">${t('exp.actual')} \\ ${t('exp.predicted')}</th>
      ${matrix.labels.map((label) => html`<th scope="col">${label}</th>`)}</tr></thead>
    <tbody>${matrix.counts.map((row, i) => {
      const total = row.reduce((a, b) => a + b, 0) || 1;
      return html`<tr><th scope="row">${matrix.labels[i]}</th>${row.map((count) => html`<td
        style=${`background: rgba(59, 91, 219, ${(count / total).toFixed(3)}); color: ${count / total > 0.5 ? '#fff' : 'inherit'}`}>
        ${count}</td>`)}</tr>`;
    })}</tbody>
  </table></div>`;
}

/** The model's layers as the summary shows them. */
export function ModelTable({ run }) {
  const model = run.record?.model;
  if (!model) {
    return null;
  }
  return html`<div class="scroll"><table class="data model" data-testid="model-table">
    <caption>${t('exp.model', { name: run.name })}: ${model.totalParams.toLocaleString()} ${t('exp.params')}</caption>
    <thead><tr><th scope="col">${t('exp.layer')}</th><th scope="col">${t('exp.type')}</th>
      <th scope="col">${t('exp.shape')}</th><th scope="col">${t('exp.params')}</th></tr></thead>
    <tbody>${model.layers.map((layer) => html`<tr>
      <td>${layer.name}${layer.inbound?.length > 1 ? html` <small>← ${layer.inbound.join(', ')}</small>` : ''}</td>
      <td>${layer.type}${layer.custom ? ' *' : ''}</td>
      <td><code>(${(layer.outputShape ?? []).map((d) => d ?? 'None').join(', ')})</code></td>
      <td class="number">${layer.params.toLocaleString()}</td></tr>`)}</tbody>
  </table></div>`;
}
