// One submission on the review desk: the report as the team's members previewed it (same renderer, the team's runs
// drawn from the staff's run routes), the sources with Java colours, the grader's checklist with its evidence (claims
// beside the server's numbers, the staff log), the team and who ran what, scoring and overrides, the audit trail, and
// publishing; j/k go to the next or previous submission of the queue.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { html } from '../lib/html.js';
import { api, allPages } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { formatInZone } from '../lib/time.js';
import { useApp } from '../lib/app-context.js';
import { ablationOf, listRuns, withRecords } from '../lib/runs.js';
import { Page } from '../components/page.js';
import { Async, Empty, Loading, Notice, attempt, useApi } from '../components/states.js';
import { ReportView, embedsOf } from '../components/report-view.js';
import { canPublish, claimsOf, handedInFirst, neighbours, queuePath, runsByMember, typing } from './desk.js';
import { CodeView } from './code-view.js';
import { StateBadge, deskCrumbs, peopleOf, rememberedOrder } from './nav.js';

const text = (path) => api(path, { raw: true }).then((response) => response.text());

async function load(submissionId) {
  const submission = await api(`/api/submissions/${submissionId}`);
  const assignment = await api(`/api/assignments/${submission.assignmentId}`);
  const [course, versions, report, runs, ablation, teams, people] = await Promise.all([
    api(`/api/courses/${assignment.courseId}`),
    allPages(queuePath(assignment.courseId, { assignmentId: assignment.id, teamId: submission.teamId, allVersions: true })),
    submission.files.some((file) => file.path === 'report.md') ? text(`/api/submissions/${submissionId}/files/report.md`) : '',
    listRuns(assignment.id, submission.teamId),
    ablationOf(assignment.id, submission.teamId).catch(() => null),
    allPages(`/api/team-sets/${assignment.teamSetId}/teams`),
    peopleOf(assignment.courseId),
  ]);
  const item = versions.find((candidate) => candidate.submissionId === submission.id);
  const ordered = handedInFirst(runs, submission.runs);
  const embedded = new Set(embedsOf(report).map((embed) => embed.name).filter(Boolean));
  // Only the first run of each name is drawn: the handed-in one, else the newest.
  const drawn = new Set(ordered.filter((run, i) => ordered.findIndex((r) => r.name === run.name) === i).map((r) => r.id));
  const runsWithRecords = await withRecords(ordered, assignment.id, (run) => embedded.has(run.name) && drawn.has(run.id),
    submission.teamId);
  const result = item?.resultJobId ? await api(`/api/grading/jobs/${item.resultJobId}/result`).catch(() => null) : null;
  const remembered = rememberedOrder();
  const order = remembered.includes(submission.id) ? remembered
    : (await allPages(queuePath(assignment.courseId))).map((queued) => queued.submissionId);
  const team = teams.find((candidate) => candidate.id === submission.teamId);
  return {
    submission, assignment, course, item, versions, report, runs: runsWithRecords, ablation, result, people,
    members: team?.members ?? [], order,
  };
}

export function SubmissionReview({ params }) {
  const state = useApi(() => load(params.submissionId), [params.submissionId]);
  const title = state.data ? `${state.data.submission.teamName} · ${state.data.assignment.title}` : t('review.submission');
  return html`<${Page} title=${title} wide crumbs=${state.data ? deskCrumbs(state.data.course, { label: title })
    : deskCrumbs(null)}>
    <${Async} state=${state}>${(loaded) => (loaded.submission.id === Number(params.submissionId)
      ? html`<${Desk} key=${loaded.submission.id} ...${loaded} />`
      // Another submission is on its way: never show the previous one's scores under the new address.
      : html`<${Loading} />`)}<//>
  <//>`;
}

function Desk({ submission, assignment, course, item, versions, report, runs, ablation, result, people, members, order }) {
  const location = useLocation();
  const { previous, next } = neighbours(order, submission.id);
  useEffect(() => {
    const onKey = (event) => {
      if (typing(event.target) || event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      const target = event.key === 'j' ? next : event.key === 'k' ? previous : null;
      if (target != null) {
        event.preventDefault();
        location.route(`/review/submissions/${target}`);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [previous, next]);
  return html`<div class="review-desk" data-submission=${submission.id}>
    <header class="review-head">
      <div>
        <h1>${submission.teamName} · ${assignment.title}</h1>
        <p class="muted" data-testid="submission-facts">${[
          t('review.versionOf', { version: submission.version, versions: versions.length || submission.version }),
          t('review.receivedAt', { time: formatInZone(submission.receivedAt, course.timeZone) }),
          submission.lateSeconds > 0 ? html`<span class="late">${submission.lateBy}</span>` : submission.lateBy,
          t('review.creditOf', { credit: submission.creditPercent }),
          item && html`<${StateBadge} state=${item.state} />`,
        ].filter(Boolean).flatMap((part, i) => (i === 0 ? [part] : [' · ', part]))}</p>
      </div>
      <span class="spacer"></span>
      <nav class="review-steps" aria-label=${t('review.steps')}>
        <a class=${previous == null ? 'button secondary disabled' : 'button secondary'} data-testid="previous-submission"
          href=${previous == null ? undefined : `/review/submissions/${previous}`} aria-disabled=${previous == null}>
          ${t('review.previous')}</a>
        <a class=${next == null ? 'button secondary disabled' : 'button secondary'} data-testid="next-submission"
          href=${next == null ? undefined : `/review/submissions/${next}`} aria-disabled=${next == null}>
          ${t('review.next')}</a>
        <small class="muted">${t('review.stepKeys')}</small>
      </nav>
    </header>
    <div class="review-columns">
      <div class="review-main">
        <section class="card" aria-labelledby="review-report">
          <h2 id="review-report">${t('review.report')}</h2>
          ${report ? html`<div data-testid="review-report"><${ReportView} markdown=${report} runs=${runs} ablation=${ablation} /></div>`
            : html`<${Empty}>${t('review.noReport')}<//>`}
        </section>
        <${Sources} submission=${submission} />
      </div>
      <aside class="review-side">
        <${Checklist} submission=${submission} assignment=${assignment} course=${course} result=${result}
          people=${people} />
        <${Team} members=${members} runs=${runs} handedIn=${submission.runs} />
      </aside>
    </div>
  </div>`;
}

function Sources({ submission }) {
  const sources = submission.files.filter((file) => file.kind === 'SOURCE');
  const [path, setPath] = useState(sources[0]?.path ?? null);
  const file = useApi(() => (path ? text(`/api/submissions/${submission.id}/files/${path}`) : Promise.resolve('')), [path]);
  return html`<section class="card" aria-labelledby="review-sources">
    <h2 id="review-sources">${t('review.sources')}</h2>
    ${sources.length === 0 ? html`<${Empty}>${t('review.noSources')}<//>` : html`
      <nav class="file-tabs" aria-label=${t('review.sources')}>${sources.map((source) => html`<button type="button"
        class=${source.path === path ? 'small' : 'secondary small'} aria-pressed=${source.path === path}
        onClick=${() => setPath(source.path)} data-testid=${`source-${source.path}`}>${source.path.replace(/^src\//, '')}</button>`)}</nav>
      <${Async} state=${file}>${(content) => html`<${CodeView} text=${content} label=${path} testId="source-view" />`}<//>`}
  </section>`;
}

async function loadReview(submissionId) {
  const [review, history] = await Promise.all([api(`/api/submissions/${submissionId}/review`),
    api(`/api/submissions/${submissionId}/review/history`)]);
  return { review, history };
}

function Checklist({ submission, assignment, course, result, people }) {
  const { session } = useApp();
  const state = useApi(() => loadReview(submission.id), [submission.id]);
  const [notice, setNotice] = useState(null);
  async function publish() {
    await attempt(() => api(`/api/assignments/${assignment.id}/results/publication`, { method: 'POST' }),
      (publication) => t('review.published', { title: assignment.title,
        time: formatInZone(publication.publishedAt, course.timeZone) }), setNotice);
    state.reload();
  }
  return html`<section class="card" aria-labelledby="review-checklist">
    <h2 id="review-checklist">${t('review.checklist')}</h2>
    <${Async} state=${state}>${({ review, history }) => html`
      <p class="total" data-testid="review-total">${t('review.total', { points: review.totalPoints,
        credited: review.creditedPoints, credit: review.creditPercent })}
        ${review.published ? html` · <strong>${t('review.isPublished')}</strong>` : ''}</p>
      ${result && html`<p class="muted small">${result.summary}</p>`}
      <ol class="checklist" data-testid="checklist">${review.items.map((item) => html`<${Item} key=${item.key}
        item=${item} submissionId=${submission.id} onScored=${state.reload} />`)}</ol>
      ${canPublish(course, session.account.admin) && html`<div class="publish">
        <button type="button" onClick=${publish} data-testid="publish">${t('review.publish', { title: assignment.title })}</button>
        <p class="muted small">${t('review.publishHelp')}</p></div>`}
      <${Notice} notice=${notice} />
      <${History} history=${history} people=${people} zone=${course.timeZone} />
    `}<//>
    ${result && html`<details class="stage-log" data-testid="stage-log"><summary>${t('review.stageLog')}</summary>
      <pre>${result.logs || t('review.noLog')}</pre></details>`}
  </section>`;
}

function Item({ item, submissionId, onScored }) {
  const [notice, setNotice] = useState(null);
  const claims = claimsOf(item.message);
  async function score(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const points = form.points.value.trim();
    const comment = form.comment.value.trim();
    const done = await attempt(() => api(`/api/submissions/${submissionId}/review/items/${encodeURIComponent(item.key)}`, {
      method: 'PUT', json: { points: points === '' ? null : Number(points), comment: comment || null },
    }), (scored) => t('review.scored', { item: item.key, points: scored.effectivePoints }), setNotice);
    if (done) {
      form.comment.value = '';
      onScored();
    }
  }
  return html`<li class=${`check ${(item.verdict ?? 'none').toLowerCase()}`} data-item=${item.key}>
    <div class="check-head">
      <strong>${item.description}</strong> <small class="muted">${item.key}</small>
      <span class="spacer"></span>
      <span class="verdict" data-testid="verdict">${item.verdict ? t(`review.verdict.${item.verdict}`) : t('review.verdict.NONE')}</span>
      <span class="points" data-testid="item-points">${item.effectivePoints == null ? t('review.noPoints')
        : `${item.effectivePoints} / ${item.maxPoints}`}</span>
    </div>
    ${item.message && html`<pre class="message">${item.message}</pre>`}
    ${claims.length > 0 && html`<${Claims} claims=${claims} />`}
    ${item.scoredPoints != null && html`<p class="small override" data-testid="override">${t('review.overridden', {
      automatic: item.automaticPoints ?? '—', points: item.scoredPoints })}: ${item.scoreComment}</p>`}
    <form class="inline score" onSubmit=${score} data-testid=${`score-${item.key}`} key=${String(item.effectivePoints)}>
      <label>${t('review.points')}<input name="points" type="number" min="0" max=${item.maxPoints} step="0.01"
        defaultValue=${item.effectivePoints ?? ''} /></label>
      <label class="grow">${t('review.comment')}<input name="comment" maxlength="10000"
        placeholder=${item.effectivePoints == null ? t('review.commentOptional') : t('review.commentRequired')} /></label>
      <button type="submit">${item.effectivePoints == null ? t('review.score') : t('review.override')}</button>
    </form>
    <${Notice} notice=${notice} />
  </li>`;
}

const fixed = (value) => (value == null ? '—' : value.toFixed(4));

function Claims({ claims }) {
  return html`<table class="data claims" data-testid="claims">
    <caption>${t('review.claims')}</caption>
    <thead><tr><th scope="col">${t('review.run')}</th><th scope="col">${t('review.claimed')}</th>
      <th scope="col">${t('review.reproduced')}</th><th scope="col">${t('review.difference')}</th></tr></thead>
    <tbody>${claims.map((claim) => html`<tr class=${claim.reproduced ? 'ok' : 'differs'}>
      <th scope="row">${claim.run}${claim.metric ? html`<br /><small class="muted">${claim.metric}</small>` : ''}</th>
      ${claim.problem ? html`<td colspan="3" class="error">${claim.problem}</td>` : html`
        <td class="number">${fixed(claim.claimed)}</td><td class="number">${fixed(claim.server)}</td>
        <td class=${claim.reproduced ? 'number' : 'number worse'}>${claim.difference == null ? '—'
          : (claim.difference > 0 ? '+' : '') + claim.difference.toFixed(4)}
          ${claim.partsAt ? html`<br /><small>${t('review.partsAt', { epoch: claim.partsAt,
            claimed: fixed(claim.claimedAtPart), server: fixed(claim.serverAtPart) })}</small>` : ''}</td>`}
    </tr>`)}</tbody>
  </table>`;
}

function History({ history, people, zone }) {
  return html`<details class="history" data-testid="history" open=${history.length > 0}>
    <summary>${t('review.history', { count: history.length })}</summary>
    ${history.length === 0 ? html`<p class="muted small">${t('review.noHistory')}</p>`
      : html`<ol class="plain small">${history.map((score) => html`<li key=${score.id}>
        ${`${formatInZone(score.scoredAt, zone)} · `}<strong>${people.get(score.scoredBy) ?? `#${score.scoredBy}`}</strong>
        ${` · ${score.itemKey}: ${score.oldPoints ?? '—'} → ${score.newPoints}${score.comment ? ` · ${score.comment}` : ''}`}</li>`)}</ol>`}
  </details>`;
}

function Team({ members, runs, handedIn }) {
  const rows = runsByMember(members, runs);
  const handed = new Set(handedIn.map((run) => run.name));
  return html`<section class="card" aria-labelledby="review-team">
    <h2 id="review-team">${t('review.teamMembers')}</h2>
    ${rows.length === 0 ? html`<${Empty}>${t('review.noMembers')}<//>` : html`<table class="data" data-testid="team-runs">
      <thead><tr><th scope="col">${t('review.member')}</th><th scope="col">${t('review.ran')}</th></tr></thead>
      <tbody>${rows.map((row) => html`<tr><th scope="row">${row.member}</th>
        <td>${row.runs.length === 0 ? html`<span class="muted">${t('review.ranNothing')}</span>`
          : row.runs.map((name) => html`<span class=${handed.has(name) ? 'tag handed-in' : 'tag'}>${name}</span>`)}</td></tr>`)}
      </tbody></table>
      <p class="muted small">${t('review.handedInHelp')}</p>`}
  </section>`;
}

