// Where a workspace's files live. The team's workspace is on the server (revisions, conflicts: see docs/workspace.md);
// the playground's in this browser. Both answer the same calls, so the workspace screen does not care which.
import { api } from '../lib/api.js';

const encodePath = (path) => path.split('/').map(encodeURIComponent).join('/');

/** The team's files of an assignment: GET/PUT/DELETE /api/assignments/{id}/workspace… */
export function teamFiles(assignmentId) {
  const base = `/api/assignments/${assignmentId}/workspace`;
  return {
    draftKey: `backprop.drafts.assignment.${assignmentId}`,
    load: async () => (await api(base)).files,
    save: (path, content, baseRevision) => api(`${base}/files/${encodePath(path)}`, {
      method: 'PUT', json: { content, baseRevision },
    }),
    remove: (path, baseRevision) => api(`${base}/files/${encodePath(path)}?baseRevision=${baseRevision}`, {
      method: 'DELETE',
    }),
    rename: (path, to, baseRevision) => api(`${base}/files/${encodePath(path)}/rename`, {
      method: 'POST', json: { to, baseRevision },
    }),
  };
}

/** The playground's files, kept in this browser ({@code storage}); first seeded with {@code seed()}. */
export function browserFiles(storage, seed) {
  const key = 'backprop.playground.files';
  const read = () => JSON.parse(storage.getItem(key) ?? 'null');
  const write = (files) => storage.setItem(key, JSON.stringify(files));
  const view = (path, file) => ({ path, content: file.content, revision: file.revision, updatedBy: null, updatedAt: null });
  return {
    draftKey: 'backprop.drafts.playground',
    load: async () => {
      let files = read();
      if (!files) {
        files = Object.fromEntries(Object.entries(await seed()).map(([path, content]) => [path, { content, revision: 1 }]));
        write(files);
      }
      return Object.entries(files).map(([path, file]) => view(path, file));
    },
    save: async (path, content) => {
      const files = read() ?? {};
      files[path] = { content, revision: (files[path]?.revision ?? 0) + 1 };
      write(files);
      return view(path, files[path]);
    },
    remove: async (path) => {
      const files = read() ?? {};
      delete files[path];
      write(files);
      return null;
    },
    rename: async (path, to) => {
      const files = read() ?? {};
      files[to] = { content: files[path].content, revision: 1 };
      delete files[path];
      write(files);
      return view(to, files[to]);
    },
  };
}

/** Unsaved text per path, kept in this browser so that a reload loses nothing: {path: {text, baseRevision}}. */
export function draftStore(storage, key) {
  return {
    read: () => JSON.parse(storage.getItem(key) ?? '{}'),
    write: (drafts) => (Object.keys(drafts).length === 0 ? storage.removeItem(key)
      : storage.setItem(key, JSON.stringify(drafts))),
  };
}

/**
 * The workspace's files from the server's list and the drafts kept in this browser: {path: {server, text, version,
 * conflict}}. A draft made on the revision the server still has comes back as unsaved text; one made on an older
 * revision comes back as a conflict, so the student sees both versions.
 */
export function mergeDrafts(serverFiles, drafts) {
  const files = {};
  for (const file of serverFiles) {
    files[file.path] = { server: file, text: file.content, version: 0, conflict: null };
  }
  for (const [path, draft] of Object.entries(drafts)) {
    const current = files[path];
    if (current && draft.baseRevision === current.server.revision) {
      current.text = draft.text;
    } else if (current) {
      files[path] = { ...current, text: draft.text, conflict: current.server };
    } else if (draft.baseRevision === 0) {
      files[path] = { server: null, text: draft.text, version: 0, conflict: null };
    } else {
      // A teammate deleted the file this draft was made on.
      files[path] = { server: null, text: draft.text, version: 0, conflict: { path, deleted: true, revision: null } };
    }
  }
  return files;
}

/** Whether a file has text the server does not have. */
export const isDirty = (file) => file.server == null || file.text !== file.server.content;
