// The team's experiment log: every fit of every member, curves of the selected runs overlaid, the ablation table the
// server builds from the model graphs, and one run's confusion matrix and model, with its record (and the weights its
// program saved after it) to download.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { t } from '../lib/i18n.js';
import { assignmentCrumbs, loadAssignment } from '../lib/assignment.js';
import { ablationOf, listRuns, logPath, withRecords } from '../lib/runs.js';
import { courseTime, ownZone } from '../lib/time.js';
import { Page } from '../components/page.js';
import { AssignmentTabs } from '../components/layout.js';
import { Async, Empty, ErrorBox, useApi } from '../components/states.js';
import { AblationTable, ConfusionMatrix, ModelTable, RunCurves } from '../components/run-views.js';

async function load(assignmentId) {
  const [loaded, runs, ablation] = await Promise.all([
    loadAssignment(assignmentId), listRuns(assignmentId), ablationOf(assignmentId).catch((error) => ({ error })),
  ]);
  return { ...loaded, runs, ablation };
}

const metricsText = (metrics) => Object.entries(metrics ?? {})
  .map(([name, value]) => `${name} ${value == null ? '–' : Number(value).toFixed(4)}`).join(', ');

function download(run) {
  const blob = new Blob([JSON.stringify(run.record, null, 2)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${run.name}-${run.id}.json`;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** A link that downloads the model the run's program saved after it, when it saved one. */
function WeightsLink({ assignmentId, run }) {
  return run.model ? html`<a href=${`${logPath(assignmentId)}/${run.id}/model`} download=${`${run.model.name}.bpm`}
    data-testid="download-weights">${t('exp.downloadWeights')}</a>` : null;
}

export function RunTable({ assignmentId, runs, selected, onToggle, onDetails, timeZone }) {
  return html`<div class="scroll"><table class="data runs" data-testid="run-table">
    <thead><tr><th scope="col"><span class="visually-hidden">${t('exp.curves')}</span></th>
      <th scope="col">${t('exp.member')}</th><th scope="col">${t('exp.name')}</th><th scope="col">${t('exp.tags')}</th>
      <th scope="col">${t('exp.seed')}</th><th scope="col">${t('exp.dataset')}</th><th scope="col">${t('exp.metrics')}</th>
      <th scope="col">${t('exp.backend')}</th><th scope="col">${t('exp.when')}</th><th scope="col"></th></tr></thead>
    <tbody>${runs.map((run) => html`<tr key=${run.id} data-run=${run.name}>
      <td><input type="checkbox" checked=${selected.has(run.id)} onChange=${() => onToggle(run.id)}
        aria-label=${t('exp.select', { name: run.name })} /></td>
      <td>${run.member.name}</td><th scope="row">${run.name}</th>
      <td>${run.tags.map((tag) => html`<span class="tag">${tag}</span>`)}</td>
      <td>${run.seed}</td><td>${run.dataset}</td><td class="small">${metricsText(run.finalMetrics)}</td>
      <td class="small">${run.backend}</td>
      <td class="small">${courseTime(run.recordedAt, timeZone ?? ownZone()).main}</td>
      <td><button type="button" class="link" onClick=${() => onDetails(run.id)}>${t('exp.details')}</button>
        ${' '}<${WeightsLink} assignmentId=${assignmentId} run=${run} /></td>
    </tr>`)}</tbody>
  </table></div>`;
}

export function Experiments({ params }) {
  const state = useApi(() => load(params.assignmentId), [params.assignmentId]);
  return html`<${Page} title=${t('exp.title') ?? ''} crumbs=${state.data ? assignmentCrumbs(state.data) : []} wide>
    <${AssignmentTabs} assignmentId=${params.assignmentId} current="experiments" />
    <${Async} state=${state}>${(loaded) => html`
      <h1>${t('exp.title')}</h1>
      ${loaded.runs.length === 0 ? html`<${Empty}>${t('exp.empty')}<//>`
        : html`<${Log} assignmentId=${params.assignmentId} runs=${loaded.runs} ablation=${loaded.ablation}
            timeZone=${loaded.course.timeZone} />`}
    `}<//>
  <//>`;
}

function Log({ assignmentId, runs, ablation, timeZone }) {
  const [selected, setSelected] = useState(() => new Set(runs.slice(0, 1).map((run) => run.id)));
  const [details, setDetails] = useState(runs[0]?.id ?? null);
  const [drawn, setDrawn] = useState([]);
  const cache = useRef(new Map());
  useEffect(() => {
    withRecords(runs, assignmentId, (run) => selected.has(run.id) || run.id === details, null, cache.current)
      .then((all) => setDrawn(all));
  }, [selected, details]);
  const toggle = (id) => setSelected((current) => {
    const next = new Set(current);
    next.has(id) ? next.delete(id) : next.add(id);
    return next;
  });
  const chosen = drawn.filter((run) => selected.has(run.id) && run.record);
  const detailRun = drawn.find((run) => run.id === details && run.record);
  return html`
    <${RunTable} assignmentId=${assignmentId} runs=${runs} selected=${selected} onToggle=${toggle}
      onDetails=${setDetails} timeZone=${timeZone} />
    <section aria-labelledby="curves-heading">
      <h2 id="curves-heading">${t('exp.curves')}</h2>
      ${chosen.length > 0 && html`<${RunCurves} runs=${chosen} />`}
    </section>
    <section aria-labelledby="ablation-heading">
      <h2 id="ablation-heading">${t('exp.ablation')}</h2>
      ${ablation?.error ? html`<${ErrorBox} error=${ablation.error} />` : html`<${AblationTable} ablation=${ablation} />`}
    </section>
    ${detailRun && html`<section aria-labelledby="details-heading" data-testid="run-details">
      <h2 id="details-heading">${detailRun.name} <button type="button" class="secondary small"
        onClick=${() => download(detailRun)}>${t('exp.download')}</button>
        ${' '}<${WeightsLink} assignmentId=${assignmentId} run=${detailRun} /></h2>
      <div class="columns">
        <${ConfusionMatrix} run=${detailRun} />
        <${ModelTable} run=${detailRun} />
      </div>
    </section>`}`;
}
