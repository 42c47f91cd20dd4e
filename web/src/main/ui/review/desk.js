// The review desk's pure parts, kept apart from the screens so that they are tested without a browser: which courses
// a TA works in, the queue's address and keyboard moves, claims beside reproduced numbers read from the grader's
// messages, the lines of matched regions, and Java coloured token by token.

/** The states of the review queue, in the order the filter lists them. */
export const REVIEW_STATES = ['WAITING', 'NEEDS_REVIEW', 'GRADED', 'REGRADE_REQUESTED', 'PUBLISHED'];

/** The courses where the account is staff (GET /api/courses answers with myRole; an administrator's is null). */
export function staffCourses(courses, admin = false) {
  return courses.filter((course) => course.myRole === 'TA' || course.myRole === 'INSTRUCTOR'
    || (admin && course.myRole == null));
}

/** Whether the account may publish an assignment's results: the course's instructors and administrators. */
export function canPublish(course, admin = false) {
  return admin || course?.myRole === 'INSTRUCTOR';
}

/** The queue's API path for a course and filters {assignmentId, teamId, state, allVersions}; empty ones are left out. */
export function queuePath(courseId, filters = {}) {
  const query = ['assignmentId', 'teamId', 'state', 'allVersions'].filter((name) => filters[name])
    .map((name) => `${name}=${encodeURIComponent(filters[name])}`);
  return `/api/courses/${courseId}/review-queue${query.length ? `?${query.join('&')}` : ''}`;
}

/** The filters in an address's query string (the screen keeps them there, so a reload keeps them too). */
export function filtersOf(search) {
  const params = new URLSearchParams(search ?? '');
  return { assignmentId: params.get('assignmentId') ?? '', teamId: params.get('teamId') ?? '', state: params.get('state') ?? '' };
}

/**
 * The queue's keyboard: j or ArrowDown moves down, k or ArrowUp up (stopping at the ends), Enter opens, Home and End
 * jump. Returns {index, open} or null for keys it does not use.
 */
export function queueKey(key, index, length) {
  if (length === 0) {
    return null;
  }
  switch (key) {
    case 'j': case 'ArrowDown': return { index: Math.min(index + 1, length - 1), open: false };
    case 'k': case 'ArrowUp': return { index: Math.max(index - 1, 0), open: false };
    case 'Home': return { index: 0, open: false };
    case 'End': return { index: length - 1, open: false };
    case 'Enter': return { index, open: true };
    default: return null;
  }
}

/** Whether a key press belongs to a text field (where j and k are letters, not moves). */
export function typing(target) {
  const tag = target?.tagName?.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || target?.isContentEditable === true;
}

/** The submissions before and after {@code submissionId} in the order the queue showed them: {previous, next}. */
export function neighbours(order, submissionId) {
  const at = order.indexOf(Number(submissionId));
  if (at < 0) {
    return { previous: null, next: null };
  }
  return { previous: at > 0 ? order[at - 1] : null, next: at < order.length - 1 ? order[at + 1] : null };
}

const NUMBER = '(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?|none)';
const REPRODUCED = new RegExp(`^- (.+): reproduced, (\\S+) ${NUMBER} claimed, ${NUMBER} on the server\\.`);
const DIFFERS = new RegExp(`^- (.+): differs: (\\S+) ${NUMBER} claimed after (\\d+) epochs?, ${NUMBER} on the server`
  + ` after (\\d+); they part in epoch (\\d+) \\(${NUMBER} claimed, ${NUMBER} re-run\\)`);
const NOT_PRODUCED = /^- (.+): not produced by the submitted code \((.+)\)\.$/;

const numberOrNull = (text) => (text === 'none' ? null : Number(text));
/** The run's name from the grader's label, run "NAME". */
const runName = (label) => /^run "(.*)"$/.exec(label)?.[1] ?? label;

/**
 * The claims the grader compared, read from an item's message (the reproduce check writes one line per run):
 * [{run, metric, claimed, server, difference, reproduced, partsAt, claimedAtPart, serverAtPart, problem}].
 */
export function claimsOf(message) {
  const claims = [];
  for (const line of (message ?? '').split('\n')) {
    let m = REPRODUCED.exec(line);
    if (m) {
      const claimed = numberOrNull(m[3]);
      const server = numberOrNull(m[4]);
      claims.push({ run: runName(m[1]), metric: m[2], claimed, server, difference: difference(claimed, server), reproduced: true });
      continue;
    }
    m = DIFFERS.exec(line);
    if (m) {
      const claimed = numberOrNull(m[3]);
      const server = numberOrNull(m[5]);
      claims.push({
        run: runName(m[1]), metric: m[2], claimed, server, difference: difference(claimed, server), reproduced: false,
        claimedEpochs: Number(m[4]), serverEpochs: Number(m[6]), partsAt: Number(m[7]),
        claimedAtPart: numberOrNull(m[8]), serverAtPart: numberOrNull(m[9]),
      });
      continue;
    }
    m = NOT_PRODUCED.exec(line);
    if (m) {
      claims.push({ run: runName(m[1]), reproduced: false, problem: m[2] });
    }
  }
  return claims;
}

function difference(claimed, server) {
  return claimed == null || server == null ? null : Math.round((server - claimed) * 1e6) / 1e6;
}

/** "87.5 %" for a similarity of 0.875. */
export function percent(similarity) {
  return `${(similarity * 100).toFixed(1)} %`;
}

/** Whether a pair's similarity is high enough to look at first. */
export const SUSPICIOUS = 0.5;

/**
 * The lines of a matched region with {@code context} lines around it: [{number, text, matched}], numbers 1-based.
 */
export function regionLines(text, startLine, endLine, context = 2) {
  const lines = (text ?? '').split('\n');
  const from = Math.max(1, startLine - context);
  const to = Math.min(lines.length, endLine + context);
  const shown = [];
  for (let number = from; number <= to; number++) {
    shown.push({ number, text: lines[number - 1], matched: number >= startLine && number <= endLine });
  }
  return shown;
}

const KEYWORDS = new Set(('abstract assert boolean break byte case catch char class const continue default do double'
  + ' else enum extends final finally float for goto if implements import instanceof int interface long native new'
  + ' package private protected public return short static strictfp super switch synchronized this throw throws'
  + ' transient try void volatile while var record yield sealed permits true false null').split(' '));
const TOKEN = /(\/\*.*?(?:\*\/|$)|\/\/.*$)|("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?)|(\b\d[\d_]*(?:\.\d+)?(?:[eE][-+]?\d+)?[fFdDlL]?\b)|(@[A-Za-z_]\w*)|([A-Za-z_$][\w$]*)/g;

/**
 * Java source as lines of tokens for a read-only view: [[{text, kind}]], kind one of comment, string, number,
 * annotation, keyword, type (a capitalised name) or null. Block comments carry across lines.
 */
export function javaLines(source) {
  let inComment = false;
  return (source ?? '').split('\n').map((line) => {
    const tokens = [];
    let rest = line;
    if (inComment) {
      const end = rest.indexOf('*/');
      if (end < 0) {
        return [{ text: rest, kind: 'comment' }];
      }
      tokens.push({ text: rest.slice(0, end + 2), kind: 'comment' });
      rest = rest.slice(end + 2);
      inComment = false;
    }
    let last = 0;
    for (const m of rest.matchAll(TOKEN)) {
      if (m.index > last) {
        tokens.push({ text: rest.slice(last, m.index), kind: null });
      }
      const [text, comment, string, number, annotation, word] = m;
      let kind = null;
      if (comment) {
        kind = 'comment';
        inComment = text.startsWith('/*') && !text.endsWith('*/');
      } else if (string) {
        kind = 'string';
      } else if (number) {
        kind = 'number';
      } else if (annotation) {
        kind = 'annotation';
      } else if (word) {
        kind = KEYWORDS.has(word) ? 'keyword' : /^[A-Z]/.test(word) ? 'type' : null;
      }
      tokens.push({ text, kind });
      last = m.index + text.length;
    }
    if (last < rest.length) {
      tokens.push({ text: rest.slice(last), kind: null });
    }
    return tokens;
  });
}

/** Who ran which experiment: [{member, runs: [name]}] from the team's runs, members without runs included. */
export function runsByMember(members, runs) {
  const byId = new Map(members.map((member) => [member.accountId, { member: member.name, runs: [] }]));
  for (const run of runs) {
    if (!byId.has(run.member.accountId)) {
      byId.set(run.member.accountId, { member: run.member.name, runs: [] });
    }
    const entry = byId.get(run.member.accountId);
    if (!entry.runs.includes(run.name)) {
      entry.runs.push(run.name);
    }
  }
  return [...byId.values()];
}

/** The runs a report may draw, the submission's handed-in runs first so that {{run:NAME}} names what was handed in. */
export function handedInFirst(runs, handedIn) {
  const ids = new Set(handedIn.map((run) => run.id));
  return [...runs.filter((run) => ids.has(run.id)), ...runs.filter((run) => !ids.has(run.id))];
}
