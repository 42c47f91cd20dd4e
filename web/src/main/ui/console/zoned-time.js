// Wall-clock times in a course's IANA zone, for <input type="datetime-local">: an instant shown as the course reads
// it, and what the instructor typed turned back into an instant. Pure functions over Intl.

/** Milliseconds that {@code zone} is ahead of UTC at instant {@code ms}. */
function offsetAt(ms, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour),
    Number(parts.minute), Number(parts.second));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** "2026-12-17T23:59" for an ISO instant, as the clock in {@code zone} reads it. */
export function toZonedInput(instant, zone) {
  const ms = new Date(instant).getTime();
  return new Date(ms + offsetAt(ms, zone)).toISOString().slice(0, 16);
}

/** The ISO instant at which the clock in {@code zone} reads {@code local} ("2026-12-17T23:59"); null if unreadable. */
export function fromZonedInput(local, zone) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local ?? '');
  if (!match) {
    return null;
  }
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s || 0);
  // The offset at the guess may differ from the offset at the answer around a DST change: correct once.
  let ms = wall - offsetAt(wall, zone);
  ms = wall - offsetAt(ms, zone);
  return new Date(ms).toISOString();
}
