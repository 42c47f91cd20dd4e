// Messages a student reads when a dataset cannot be had. They say what happened and what to do, in the
// student's terms (split, dataset, sign in), not in HTTP's.

export const SIGN_IN = 'Sign in to load datasets: they come from your course on the server.';
export const SIGNED_OUT = 'Sign in again: your session has ended, so the dataset cannot be downloaded.';
export const HIDDEN_SPLIT = 'That split is hidden: only the grader evaluates on it.';

/**
 * Returns the Error for a failed answer to a request for {@code what} ("the dataset mnist 1.0.0", "a shard of …");
 * {@code kind} is 'manifest', 'shard' or 'model'.
 */
export async function httpError(response, what, kind) {
  // The status stays on the Error for the host, which forgets a stored manifest whose shards the server lacks.
  return Object.assign(await explain(response, what, kind), { status: response.status });
}

async function explain(response, what, kind) {
  if (response.status === 401) {
    return new Error(SIGNED_OUT);
  }
  // Students are refused exactly the shards of hidden splits (DatasetService.shard).
  if (response.status === 403 && kind === 'shard') {
    return new Error(HIDDEN_SPLIT);
  }
  const detail = await problemDetail(response);
  if (response.status === 403) {
    return new Error(`You cannot load ${what}: ${detail ?? 'you are not a member of its course.'}`);
  }
  if (response.status === 404) {
    return new Error(`The server does not have ${what} (any more)${detail ? `: ${detail}` : '.'} Reload the page`
      + ' to see the course\'s datasets as they are now.');
  }
  return new Error(`The server could not send ${what} (it answered ${response.status}${detail ? `: ${detail}` : ''}).`
    + ' Run again in a moment.');
}

/** Returns the Error for a request that got no answer at all. */
export function networkError(what) {
  return new Error(`The server cannot be reached, so ${what} could not be downloaded. Check your connection and`
    + ' run again.');
}

async function problemDetail(response) {
  const body = await response.json().catch(() => null);
  return typeof body?.detail === 'string' ? body.detail : null;
}
