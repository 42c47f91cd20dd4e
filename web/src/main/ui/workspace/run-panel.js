// What a run shows while it trains: progress with an ETA, live charts (per epoch, training and validation; the
// batch loss within the current epoch), which backend trains, dataset downloads, and the console.
import { useEffect, useRef } from 'preact/hooks';
import { html } from '../lib/html.js';
import { t } from '../lib/i18n.js';
import { formatSize } from '../lib/sizes.js';
import { remaining } from '../lib/time.js';
import { LineChart } from '../components/chart.js';
import { metricGroups } from '../components/run-views.js';
import { Downloads } from './downloads.js';
import { etaMs, fractionDone } from './fit-progress.js';

function FitCharts({ fit }) {
  const groups = metricGroups(fit.history);
  const x = Array.from({ length: fit.epoch }, (_, i) => i + 1);
  return html`<div class="chart-grid live" data-testid="live-charts" data-epochs=${fit.epoch}>
    ${groups.map((group) => html`<${LineChart} key=${`${fit.run}-${group[0]}`} testId=${`live-${group[0]}`}
      title=${group[0] === 'loss' ? t('ws.lossChart') : t('ws.metricChart', { metric: group[0] })}
      x=${x} series=${group.map((name) => ({ label: name, values: fit.history[name] }))} height=${150} />`)}
    ${fit.batch.steps.length > 1 && html`<${LineChart} key=${`${fit.run}-batch`} testId="live-batch" xLabel="batch"
      title=${t('ws.batchLoss', { epoch: fit.batch.epoch })} x=${fit.batch.steps}
      series=${[{ label: 'loss', values: fit.batch.losses }]} height=${150} />`}
  </div>`;
}

function FitProgress({ fit, running }) {
  const now = performance.now();
  const eta = running ? etaMs(fit, now) : null;
  const done = fractionDone(fit);
  return html`<div class="fit-progress" data-testid="fit-progress">
    <label id="fit-progress-label">${t('ws.epochOf', { run: fit.run, epoch: Math.min(fit.epoch + (fit.done ? 0 : 1), fit.epochs), epochs: fit.epochs })}
      ${eta != null && html` · ${t('ws.eta', { left: remaining(Date.now() + eta, Date.now()) })}`}</label>
    <progress aria-labelledby="fit-progress-label" max="1000" value=${Math.round(done * 1000)}></progress>
  </div>`;
}

/** The program's evaluate or predict running now: which, and its batches so far. */
function InferenceProgress({ inference }) {
  return html`<div class="fit-progress" data-testid="inference-progress">
    <label id="inference-progress-label">${t(inference.kind === 'evaluate' ? 'ws.evaluating' : 'ws.predicting',
      { model: inference.model, step: inference.step, steps: inference.steps })}</label>
    <progress aria-labelledby="inference-progress-label" max=${Math.max(inference.steps, 1)} value=${inference.step}></progress>
  </div>`;
}

function Console({ lines }) {
  const holder = useRef(null);
  useEffect(() => {
    holder.current.scrollTop = holder.current.scrollHeight;
  }, [lines]);
  return html`<pre class="console" ref=${holder} data-testid="output" tabindex="0" aria-label=${t('ws.output')}>${lines.map((line, i) => html`<span
    key=${i} class=${line.kind}>${line.text}${line.open ? '' : '\n'}</span>`)}</pre>`;
}

/** The models the program saved in this run, each a download of its saved-model file (name.bpm). */
function SavedModels({ models }) {
  if (models.length === 0) {
    return null;
  }
  return html`<p class="saved-models" data-testid="saved-models">${t('ws.savedModels')}
    ${models.map((model) => html` <a href=${model.url} download=${`${model.name}.bpm`}>${model.name}.bpm</a>
      <small class="muted">(${formatSize(model.size)})</small>`)}</p>`;
}

export function RunPanel({ runner, datasetsLine }) {
  const fit = runner.fits.fits[runner.fits.fits.length - 1];
  return html`<section class="run-panel" aria-label=${t('ws.output')}>
    <div class="toolbar">
      <strong>${t('ws.output')}</strong>
      <span class="muted" data-testid="backend">${runner.backend}</span>
    </div>
    ${datasetsLine && html`<p class="muted small" data-testid="course-datasets">${datasetsLine}</p>`}
    <${Downloads} downloads=${runner.downloads} ended=${runner.ended} />
    ${runner.runLog && html`<p class=${`notice ${runner.runLog.ok ? 'ok' : 'error'}`} role="status"
      data-testid="run-log">${runner.runLog.text}</p>`}
    <${SavedModels} models=${runner.models} />
    ${fit && html`<${FitProgress} fit=${fit} running=${runner.running} />`}
    ${runner.running && runner.fits.inference && html`<${InferenceProgress} inference=${runner.fits.inference} />`}
    ${fit && html`<${FitCharts} fit=${fit} />`}
    <${Console} lines=${runner.consoleLines} />
  </section>`;
}
