// Submitting: the team's files, the runs chosen from the experiment log, this member's report draft and optionally
// the trained weights; the credit that applies now; the acknowledgement with the content hash, the version and the
// credit; the team's earlier submissions.
import { useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { api, allPages } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { assignmentCrumbs, loadAssignment } from '../lib/assignment.js';
import { listRuns } from '../lib/runs.js';
import { courseTime, creditNow } from '../lib/time.js';
import { Page } from '../components/page.js';
import { AssignmentTabs } from '../components/layout.js';
import { Async, Empty, Notice, useApi } from '../components/states.js';
import { useNow } from '../components/deadline.js';

async function load(assignmentId) {
  const [loaded, deadline, workspace, runs, draft, submissions] = await Promise.all([
    loadAssignment(assignmentId),
    api(`/api/assignments/${assignmentId}/my-deadline`),
    api(`/api/assignments/${assignmentId}/workspace`),
    listRuns(assignmentId),
    api(`/api/assignments/${assignmentId}/report-draft`),
    allPages(`/api/assignments/${assignmentId}/submissions`),
  ]);
  return { ...loaded, deadline, files: workspace.files, runs, draft, submissions };
}

/** The multipart form the submission API takes: a part per source file, a field per run, the report, the weights. */
export function submissionForm(files, runIds, reportMarkdown, weights) {
  const form = new FormData();
  for (const file of files) {
    form.append('source', new Blob([file.content], { type: 'text/plain' }), file.path);
  }
  for (const id of runIds) {
    form.append('run', String(id));
  }
  form.append('report', new Blob([reportMarkdown], { type: 'text/markdown' }), 'report.md');
  if (weights) {
    form.append('weights', weights, weights.name);
  }
  return form;
}

export function Submit({ params }) {
  const state = useApi(() => load(params.assignmentId), [params.assignmentId]);
  return html`<${Page} title=${t('submit.title') ?? ''} crumbs=${state.data ? assignmentCrumbs(state.data) : []}>
    <${AssignmentTabs} assignmentId=${params.assignmentId} current="submit" />
    <${Async} state=${state}>${(loaded) => html`
      <h1>${t('submit.title')}: ${loaded.assignment.title}</h1>
      <${SubmitForm} loaded=${loaded} assignmentId=${params.assignmentId} onSubmitted=${state.reload} />
      <${Earlier} submissions=${loaded.submissions} />
    `}<//>
  <//>`;
}

function SubmitForm({ loaded, assignmentId, onSubmitted }) {
  const now = useNow();
  const credit = creditNow(loaded.deadline, now);
  const javaFiles = loaded.files.filter((file) => file.path.endsWith('.java'));
  const [runIds, setRunIds] = useState(() => new Set());
  const [weights, setWeights] = useState(null);
  const [notice, setNotice] = useState(null);
  const [receipt, setReceipt] = useState(null);
  const [busy, setBusy] = useState(false);
  const toggle = (id) => setRunIds((current) => {
    const next = new Set(current);
    next.has(id) ? next.delete(id) : next.add(id);
    return next;
  });

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      // The answer is the stored submission: its version, content hash and credit are the acknowledgement.
      setReceipt(await api(`/api/assignments/${assignmentId}/submissions`, {
        method: 'POST', form: submissionForm(javaFiles, [...runIds], loaded.draft.markdown, weights),
      }));
      onSubmitted?.();
    } catch (error) {
      setNotice({ kind: 'error', text: error.detail });
    } finally {
      setBusy(false);
    }
  }

  if (receipt) {
    return html`<section class="card receipt" role="status" data-testid="receipt">
      <h2>${t('submit.done', { version: receipt.version })}</h2>
      <dl>
        <dt>${t('submit.hash')}</dt><dd><code data-testid="content-hash">${receipt.contentHash}</code></dd>
        <dt>${t('submit.received')}</dt><dd>${courseTime(receipt.receivedAt, receipt.timeZone).main}</dd>
        <dt>${t('feedback.points')}</dt><dd data-testid="receipt-credit">${t('submit.late', { credit: receipt.creditPercent, late: receipt.lateBy })}</dd>
      </dl>
    </section>`;
  }
  const closed = credit.percent === 0;
  return html`<form class="card submit-form" onSubmit=${submit} data-testid="submit-form">
    <p class=${closed ? 'notice error' : credit.percent < 100 ? 'notice warn' : 'notice ok'} data-testid="credit-now">
      ${closed ? t('submit.closed') : credit.until
        ? t('submit.creditUntil', { percent: credit.percent, time: courseTime(credit.until, loaded.deadline.timeZone).main })
        : t('submit.credit', { percent: credit.percent })}</p>
    <fieldset><legend>${t('submit.files')}</legend>
      <ul class="plain">${javaFiles.map((file) => html`<li><code>${file.path}</code> <small class="muted">${t('ws.revision', { revision: file.revision })}</small></li>`)}</ul>
    </fieldset>
    <fieldset><legend>${t('submit.runs')}</legend>
      ${loaded.runs.length === 0 ? html`<${Empty}>${t('exp.empty')}<//>` : html`<ul class="plain">
        ${loaded.runs.map((run) => html`<li><label class="check"><input type="checkbox" checked=${runIds.has(run.id)}
          onChange=${() => toggle(run.id)} data-run=${run.name} />
          ${run.name} <small class="muted">${run.member.name} · ${run.tags.join(', ')}</small></label></li>`)}</ul>`}
    </fieldset>
    <fieldset><legend>${t('submit.report')}</legend>
      ${loaded.draft.markdown.trim() === '' ? html`<p class="notice error">${t('submit.reportEmpty')}</p>`
        : html`<pre class="excerpt">${loaded.draft.markdown.slice(0, 400)}${loaded.draft.markdown.length > 400 ? '…' : ''}</pre>`}
    </fieldset>
    <fieldset><legend>${t('submit.weights')}</legend>
      <input type="file" aria-label=${t('submit.weights')} onChange=${(event) => setWeights(event.currentTarget.files[0] ?? null)} />
    </fieldset>
    <button type="submit" disabled=${busy || closed || loaded.draft.markdown.trim() === ''} data-testid="confirm-submit">
      ${t('submit.confirm', { files: javaFiles.length, runs: runIds.size, percent: credit.percent })}</button>
    <${Notice} notice=${notice} />
  </form>`;
}

function Earlier({ submissions }) {
  return html`<section aria-labelledby="earlier-heading">
    <h2 id="earlier-heading">${t('submit.earlier')}</h2>
    ${submissions.length === 0 ? html`<${Empty}>${t('submit.none')}<//>` : html`<table class="data" data-testid="submissions">
      <thead><tr><th scope="col">${t('submit.version', { version: '' }).trim()}</th><th scope="col">${t('submit.received')}</th>
        <th scope="col">${t('exp.member')}</th><th scope="col">${t('feedback.points')}</th><th scope="col">${t('submit.hash')}</th></tr></thead>
      <tbody>${submissions.map((s) => html`<tr key=${s.id}><th scope="row">${s.version}</th>
        <td>${courseTime(s.receivedAt, s.timeZone).main}</td><td>${s.submittedBy}</td>
        <td>${t('submit.late', { credit: s.creditPercent, late: s.lateBy })}</td>
        <td><code class="small">${s.contentHash.slice(0, 12)}…</code></td></tr>`)}</tbody>
    </table>`}
  </section>`;
}
