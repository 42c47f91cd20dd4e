// A deadline as a student needs to see it: the due time in the course's zone (and theirs), a live countdown, the
// credit a submission gets now, and the late-credit timeline as a picture.
import { useEffect, useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { t } from '../lib/i18n.js';
import { courseTime, creditNow, remaining } from '../lib/time.js';

/** The current time, ticking every second while the component is shown. */
export function useNow(intervalMs = 1000) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function DueTime({ deadline }) {
  const due = courseTime(deadline.dueAt, deadline.timeZone);
  return html`<span class="due">${t('course.due', { time: due.main })}${due.own && html` <small class="muted">(${due.own})</small>`}</span>`;
}

/** "3 d 4 h left", "Late: 80 % credit for 2 h 5 min", or "Closed". */
export function Countdown({ deadline }) {
  const now = useNow();
  const dueLeft = remaining(deadline.dueAt, now);
  if (dueLeft) {
    return html`<span class="countdown" role="timer" data-testid="countdown">${t('course.left', { left: dueLeft })}</span>`;
  }
  const credit = creditNow(deadline, now);
  if (credit.percent === 0) {
    return html`<span class="countdown closed" data-testid="countdown">${t('course.closed')}</span>`;
  }
  return html`<span class="countdown late" role="timer" data-testid="countdown">
    ${t('course.lateOpen', { percent: credit.percent, left: remaining(credit.until, now) })}</span>`;
}

/** The credit windows as a bar: each window's share of the time from due to close, its percent written on it. */
export function CreditTimeline({ deadline }) {
  const now = useNow(30_000);
  const start = new Date(deadline.dueAt).getTime();
  const end = new Date(deadline.closesAt).getTime();
  const late = deadline.windows.slice(1);
  const span = Math.max(end - start, 1);
  let from = start;
  return html`<div class="timeline" data-testid="credit-timeline">
    <p class="muted">${t('course.timeline')}</p>
    ${late.length > 0 && html`<div class="timeline-bar" aria-hidden="true">
      ${late.map((window) => {
        const until = new Date(window.until).getTime();
        const width = ((until - from) / span) * 100;
        const active = now > from && now <= until;
        from = until;
        return html`<span class=${active ? 'active' : ''} style=${`width: ${width}%; opacity: ${0.35 + window.creditPercent / 160}`}>
          ${window.creditPercent} %</span>`;
      })}
    </div>`}
    <ol class="windows">
      ${deadline.windows.map((window) => html`<li>${t('course.window', {
        time: courseTime(window.until, deadline.timeZone).main, percent: window.creditPercent })}</li>`)}
      <li>${t('course.closesAt', { time: courseTime(deadline.closesAt, deadline.timeZone).main })}</li>
    </ol>
  </div>`;
}
