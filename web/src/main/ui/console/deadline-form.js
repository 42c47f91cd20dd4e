// The deadline editor's arithmetic: the late-credit steps the server holds (windows after the due time) as rows of a
// form ({until: "24h", credit: 80}), and back; the picture of a timeline not saved yet. Pure functions.

const UNITS = { d: 86400, h: 3600, m: 60 };

/** Seconds of "24h", "3d", "90m" (the server's SpecParser units); null for anything else. */
export function parseDuration(text) {
  const match = /^\s*(\d+)\s*([dhm])\s*$/.exec(text ?? '');
  return match ? Number(match[1]) * UNITS[match[2]] : null;
}

/** "3d", "24h", "36h" or "90m": days from two days on, else hours, else minutes, always exact. */
export function formatDuration(seconds) {
  if (seconds % 86400 === 0 && seconds >= 2 * 86400) {
    return `${seconds / 86400}d`;
  }
  return seconds % 3600 === 0 ? `${seconds / 3600}h` : `${Math.round(seconds / 60)}m`;
}

/** The form rows of a DeadlineView: its windows after the first, as times after the due time. */
export function stepsOf(deadline) {
  const due = new Date(deadline.dueAt).getTime();
  return deadline.windows.slice(1).map((window) => ({
    until: formatDuration((new Date(window.until).getTime() - due) / 1000),
    credit: window.creditPercent,
  }));
}

/** The body of PUT /api/assignments/{id}/deadline. */
export function deadlineRequest(dueAt, steps) {
  return { dueAt, lateCredit: steps.map((step) => ({ until: step.until.trim(), credit: Number(step.credit) })) };
}

/**
 * A DeadlineView-shaped picture of the form's timeline ({timeZone, dueAt, windows, closesAt}) for CreditTimeline,
 * or null while a row is unreadable.
 */
export function previewDeadline(dueAt, steps, timeZone) {
  if (!dueAt) {
    return null;
  }
  const due = new Date(dueAt).getTime();
  const windows = [{ until: new Date(due).toISOString(), creditPercent: 100 }];
  for (const step of steps) {
    const seconds = parseDuration(step.until);
    const credit = Number(step.credit);
    if (seconds === null || step.credit === '' || !(credit >= 0 && credit <= 100)) {
      return null;
    }
    windows.push({ until: new Date(due + seconds * 1000).toISOString(), creditPercent: credit });
  }
  return { timeZone, dueAt: windows[0].until, windows, closesAt: windows[windows.length - 1].until };
}
