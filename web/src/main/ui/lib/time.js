// Times as a course shows them: in the course's time zone (deadlines are the course's), with the student's own
// zone beside when it differs — a student abroad must not misread 23:59 Seoul time. Pure functions over instants.
import { currentLanguage, t } from './i18n.js';

/** The browser's IANA zone, e.g. Europe/Berlin. */
export function ownZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "Dec 14, 2099, 23:59" in {@code zone}, in the UI's language. */
export function formatInZone(instant, zone, language = currentLanguage()) {
  return new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone: zone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/**
 * {main: "14 Dec 2099, 23:59 (Asia/Seoul)", own: "14 Dec 2099, 15:59 your time" or null when the zones agree}.
 */
export function courseTime(instant, courseZone, studentZone = ownZone()) {
  const main = `${formatInZone(instant, courseZone)} (${courseZone})`;
  const sameClock = formatInZone(instant, courseZone) === formatInZone(instant, studentZone);
  return { main, own: sameClock ? null : t('time.yours', { time: formatInZone(instant, studentZone) }) };
}

/** "3 d 4 h", "2 h 5 min", "45 s": how long until {@code instant}, or null once it has passed. */
export function remaining(instant, now = Date.now()) {
  let seconds = Math.floor((new Date(instant).getTime() - now) / 1000);
  if (seconds < 0) {
    return null;
  }
  const days = Math.floor(seconds / 86400);
  seconds -= days * 86400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  if (days > 0) {
    return t('time.days', { days, hours });
  }
  if (hours > 0) {
    return t('time.hours', { hours, minutes });
  }
  return minutes > 0 ? t('time.minutes', { minutes, seconds }) : t('time.seconds', { seconds });
}

/**
 * The credit a submission received now would get, from a deadline's windows (DeadlineView): {percent, until} of the
 * first window not yet over, or {percent: 0, until: null} once the assignment is closed.
 */
export function creditNow(deadline, now = Date.now()) {
  const window = deadline.windows.find((w) => new Date(w.until).getTime() >= now);
  if (window && new Date(deadline.closesAt).getTime() >= now) {
    return { percent: window.creditPercent, until: window.until };
  }
  return { percent: 0, until: null };
}
