// Durations as Compose and the worker's settings write them: Go-style "10m30s", "1h", "45s".

/** Returns the seconds of a duration such as "10m30s"; throws on anything else. */
export function seconds(duration) {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(String(duration));
  if (!match || String(duration) === '') {
    throw new Error(`${JSON.stringify(duration)} is not a duration like 10m30s`);
  }
  const [, hours = 0, minutes = 0, secs = 0] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(secs);
}
