// Similarity of an assignment's teams: run JPlag now, the pairs most similar first (the starter never counts), and
// for a chosen pair its matched regions side by side.
import { useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { api } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { formatInZone } from '../lib/time.js';
import { Page } from '../components/page.js';
import { Async, Empty, Notice, attempt, useApi } from '../components/states.js';
import { SUSPICIOUS, percent, regionLines } from './desk.js';
import { CodeView } from './code-view.js';
import { deskCrumbs } from './nav.js';

const CONTEXT = 2;

async function load(assignmentId) {
  const assignment = await api(`/api/assignments/${assignmentId}`);
  const course = await api(`/api/courses/${assignment.courseId}`);
  const report = await api(`/api/assignments/${assignmentId}/similarity`).catch((error) => {
    if (error.status === 404) {
      return null;
    }
    throw error;
  });
  return { assignment, course, report };
}

export function SimilarityScreen({ params }) {
  const state = useApi(() => load(params.assignmentId), [params.assignmentId]);
  const [notice, setNotice] = useState(null);
  const [running, setRunning] = useState(false);
  async function run() {
    setRunning(true);
    const report = await attempt(() => api(`/api/assignments/${params.assignmentId}/similarity`, { method: 'POST' }),
      (done) => t('review.compared', { submissions: done.submissions, pairs: done.pairs.length,
        suspicious: done.pairs.filter((pair) => pair.similarity >= SUSPICIOUS).length }), setNotice);
    setRunning(false);
    if (report) {
      state.setData((data) => ({ ...data, report }));
    }
  }
  return html`<${Page} title=${t('review.similarity')} wide crumbs=${state.data ? deskCrumbs(state.data.course,
    { label: `${state.data.assignment.title}: ${t('review.similarity')}` }) : deskCrumbs(null)}>
    <${Async} state=${state}>${({ assignment, course, report }) => html`
      <h1>${t('review.similarityOf', { title: assignment.title })}</h1>
      <p class="muted">${t('review.similarityHelp')}</p>
      <div class="inline">
        <button type="button" onClick=${run} disabled=${running} data-testid="run-similarity">
          ${running ? t('review.comparing') : report ? t('review.compareAgain') : t('review.compare')}</button>
        ${report && html`<span class="muted small" data-testid="similarity-computed">${t('review.computedAt', {
          time: formatInZone(report.computedAt, course.timeZone), submissions: report.submissions,
          tokens: report.minimumTokenMatch })}</span>`}
      </div>
      <${Notice} notice=${notice} />
      ${report == null ? html`<${Empty}>${t('review.notCompared')}<//>`
        : html`<${Pairs} key=${report.computedAt} report=${report} />`}
    `}<//>
  <//>`;
}

function Pairs({ report }) {
  const [chosen, setChosen] = useState(report.pairs.length > 0 && report.pairs[0].similarity >= SUSPICIOUS ? 0 : null);
  if (report.pairs.length === 0) {
    return html`<${Empty}>${t('review.noPairs')}<//>`;
  }
  return html`<div class="similarity">
    <table class="data pairs" data-testid="similarity-pairs">
      <thead><tr><th scope="col">${t('review.teamA')}</th><th scope="col">${t('review.teamB')}</th>
        <th scope="col">${t('review.similarityScore')}</th><th scope="col">${t('review.regions')}</th><th></th></tr></thead>
      <tbody>${report.pairs.map((pair, i) => html`<tr key=${`${pair.teamA.id}-${pair.teamB.id}`}
          class=${`${pair.similarity >= SUSPICIOUS ? 'suspicious' : ''} ${i === chosen ? 'selected' : ''}`}
          data-teams=${`${pair.teamA.name} / ${pair.teamB.name}`} data-similarity=${pair.similarity}>
        <td>${pair.teamA.name}</td><td>${pair.teamB.name}</td>
        <td class="number"><span class="bar" style=${`--share: ${pair.similarity}`}></span>${percent(pair.similarity)}</td>
        <td class="number">${pair.matches.length}</td>
        <td>${pair.matches.length > 0 && html`<button type="button" class="secondary small" aria-pressed=${i === chosen}
          onClick=${() => setChosen(i)} data-testid="show-pair">${t('review.showRegions')}</button>`}</td>
      </tr>`)}</tbody>
    </table>
    ${chosen != null && html`<${Regions} key=${chosen} pair=${report.pairs[chosen]} />`}
  </div>`;
}

async function loadSources(pair) {
  const files = new Map();
  const fetchText = (submissionId, path) => {
    const key = `${submissionId}:${path}`;
    if (!files.has(key)) {
      files.set(key, api(`/api/submissions/${submissionId}/files/${path}`, { raw: true }).then((r) => r.text()));
    }
    return files.get(key);
  };
  return Promise.all(pair.matches.map(async (match) => ({
    match,
    textA: await fetchText(pair.teamA.submissionId, match.fileA),
    textB: await fetchText(pair.teamB.submissionId, match.fileB),
  })));
}

function Regions({ pair }) {
  const state = useApi(() => loadSources(pair), [pair]);
  return html`<section class="card regions" aria-labelledby="similarity-regions" data-testid="similarity-regions">
    <h2 id="similarity-regions">${t('review.regionsOf', { a: pair.teamA.name, b: pair.teamB.name,
      similarity: percent(pair.similarity) })}</h2>
    <${Async} state=${state}>${(regions) => regions.map(({ match, textA, textB }, i) => {
      const a = regionLines(textA, match.startLineA, match.endLineA, CONTEXT);
      const b = regionLines(textB, match.startLineB, match.endLineB, CONTEXT);
      return html`<div class="side-by-side" key=${i} data-testid="region">
        <div><h3>${pair.teamA.name}: <code>${match.fileA}</code> ${t('review.lines', { from: match.startLineA, to: match.endLineA })}</h3>
          <${CodeView} text=${textA} from=${a[0]?.number ?? 1} to=${a[a.length - 1]?.number}
            marked=${(n) => n >= match.startLineA && n <= match.endLineA} label=${`${pair.teamA.name} ${match.fileA}`} /></div>
        <div><h3>${pair.teamB.name}: <code>${match.fileB}</code> ${t('review.lines', { from: match.startLineB, to: match.endLineB })}</h3>
          <${CodeView} text=${textB} from=${b[0]?.number ?? 1} to=${b[b.length - 1]?.number}
            marked=${(n) => n >= match.startLineB && n <= match.endLineB} label=${`${pair.teamB.name} ${match.fileB}`} /></div>
        <p class="muted small">${t('review.tokens', { tokens: match.tokens })}</p>
      </div>`;
    })}<//>
  </section>`;
}
