// What the GPU-grading scripts share: signing in to a running demo (bin/backprop-demo) as one of its accounts, and the
// homework's reference solution as the grader lays it out (the starter's files with reference/ laid over them, as the
// server's ReferenceSolution does).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const HOMEWORK = 'assignments/hw-convnets';
export const PASSWORD = 'backprop-demo';

/** Signs in as `email` and returns a client that sends the session cookie and CSRF token, failing on any error. */
export async function signIn(base, email) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!login.ok) {
    throw new Error(`signing in as ${email} failed: ${login.status} ${await login.text()}`);
  }
  const cookie = login.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
  const { csrfToken } = await login.json();
  const client = {
    async fetch(path, init = {}) {
      const response = await fetch(`${base}${path}`, {
        ...init, headers: { ...init.headers, cookie, 'x-csrf-token': csrfToken },
      });
      if (!response.ok) {
        throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
      }
      return response;
    },
    async json(path, init) {
      return (await client.fetch(path, init)).json();
    },
    async post(path, body) {
      return client.json(path, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
    },
    // Lists come as pages ({items: [...]}) or as plain arrays.
    async list(path) {
      const body = await client.json(path);
      return Array.isArray(body) ? body : body.items;
    },
  };
  return client;
}

/** Returns the reference solution's sources by path. */
export async function referenceSources() {
  const sources = {};
  for (const file of ['Main.java', 'model/Components.java', 'model/ConvNet.java']) {
    sources[file] = await readFile(join(HOMEWORK, file), 'utf8');
  }
  sources['Main.java'] = await readFile(join(HOMEWORK, 'reference', 'Main.java'), 'utf8');
  return sources;
}

/** Returns the demo course (DL-DEMO) as `client` sees it. */
export async function demoCourse(client) {
  const courses = await client.list('/api/courses');
  return courses.find((course) => course.code === 'DL-DEMO') ?? courses[0];
}
