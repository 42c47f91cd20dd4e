// Completion and hover documentation for org.backprop.nn in the editor, from the index web/build/nn-api.mjs writes
// at build time (/app/nn-api.json). The logic is pure functions over the document text, exported for node:test; the
// CodeMirror glue is the three functions at the end.
import { pickedCompletion } from '@codemirror/autocomplete';
import { EditorView, hoverTooltip } from '@codemirror/view';

const IDENTIFIER = /[\w$]/;
const TYPE_NAME = '[A-Z][\\w$]*(?:\\.[A-Z][\\w$]*)*';
/** How much text before the cursor the contexts look at: a statement's worth. */
const LOOK_BEHIND = 400;

// ---- The index ----------------------------------------------------------------------------------------------------

const prepared = new WeakMap();

/** Returns lookups over an index: classes by name (`Dense`, `RunRecord.Builder`), in index order. */
function lookups(index) {
  let found = prepared.get(index);
  if (!found) {
    found = { byName: new Map(index.classes.map((c) => [c.name, c])), classes: index.classes };
    prepared.set(index, found);
  }
  return found;
}

/** Returns the class the index calls `name`, or undefined. */
export function findClass(index, name) {
  return lookups(index).byName.get(name);
}

/**
 * Returns a class's members that can be called on an instance: its own instance methods and fields, then those it
 * inherits through `extends` and `implements` in the index, an override hiding what it overrides.
 */
export function instanceMembers(index, className) {
  const members = [];
  const seen = new Set();
  const visited = new Set();
  const queue = [className];
  while (queue.length > 0) {
    const type = findClass(index, queue.shift());
    if (!type || visited.has(type)) continue;
    visited.add(type);
    for (const member of type.members) {
      const key = `${member.name}${parameterText(member)}`;
      if (member.kind === 'constructor' || member.static || seen.has(key)) continue;
      seen.add(key);
      members.push(member);
    }
    queue.push(...[type.extends, ...(type.implements ?? [])].filter(Boolean));
  }
  return members;
}

/** Returns a class's static members and its nested types (as members of kind 'class'). */
export function staticMembers(index, className) {
  const type = findClass(index, className);
  if (!type) return [];
  const nested = lookups(index).classes.filter((c) => c.name.startsWith(className + '.')
    && !c.name.slice(className.length + 1).includes('.'))
    .map((c) => ({ name: c.name.slice(className.length + 1), kind: 'class', signature: `${c.kind} ${c.name}`,
      doc: c.doc, nested: c }));
  return [...type.members.filter((m) => m.static), ...nested];
}

function parameterText(member) {
  const open = member.signature.indexOf('(');
  return open < 0 ? '' : member.signature.slice(open);
}

// ---- Reading the document -----------------------------------------------------------------------------------------

/** Whether pos is inside a comment, a string or a char literal (judged from the text before it). */
export function inCommentOrString(text, pos) {
  const before = text.slice(0, pos);
  if (before.lastIndexOf('/*') > before.lastIndexOf('*/')) return true;
  const line = before.slice(before.lastIndexOf('\n') + 1);
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '/' && line[i + 1] === '/') {
      return true;
    }
  }
  return quote !== null;
}

/**
 * Returns the declared type of variable `name` as written in the text (`Sequential model = …`, `Tensor x,` in a
 * parameter list, `var model = new Sequential(…)`, `var train = Datasets.load(…)` through the index's return type),
 * preferring the last declaration before pos; null when none is found.
 */
export function variableType(index, text, name, pos = text.length) {
  const id = name.replace(/\$/g, '\\$');
  const patterns = [
    [new RegExp(`(?:^|[^\\w$.])(${TYPE_NAME})(?:<[^;(){}=]*>)?\\s+${id}\\s*(?=[=;,):])`, 'g'), (m) => m[1]],
    [new RegExp(`\\bvar\\s+${id}\\s*=\\s*new\\s+(${TYPE_NAME})`, 'g'), (m) => m[1]],
    [new RegExp(`\\bvar\\s+${id}\\s*=\\s*(${TYPE_NAME})\\.([\\w$]+)\\s*\\(`, 'g'), (m) => staticReturn(index, m[1], m[2])],
  ];
  let best = null;
  for (const [pattern, typeOf] of patterns) {
    for (const m of text.matchAll(pattern)) {
      const type = typeOf(m);
      if (!type) continue;
      const before = m.index < pos;
      if (!best || (before && (!best.before || m.index > best.at))) best = { type, at: m.index, before };
    }
  }
  return best?.type ?? null;
}

function staticReturn(index, className, method) {
  const member = findClass(index, className)?.members.find((m) => m.static && m.name === method && m.returns);
  return member ? member.returns.replace(/<.*$/, '') : null;
}

/** Resolves what `qualifier.` names: a class's statics, or a variable's instance members; null when neither. */
function qualifierMembers(index, text, qualifier, pos) {
  const variable = /^[a-z_$]/.test(qualifier) ? variableType(index, text, qualifier, pos) : null;
  if (variable && findClass(index, variable)) {
    return { members: instanceMembers(index, variable), owner: variable, onClass: false };
  }
  if (findClass(index, qualifier)) {
    return { members: staticMembers(index, qualifier), owner: qualifier, onClass: true };
  }
  return null;
}

// ---- Imports ------------------------------------------------------------------------------------------------------

/** Returns what to import for a class of the index: the top-level class (`pkg.Outer` for `Outer.Inner`). */
export function importName(type) {
  return `${type.package}.${type.name.split('.')[0]}`;
}

/** Whether the text already imports `qualified` (by name or by its package's `*`) or is in its package. */
export function isImported(text, qualified) {
  const pkg = qualified.slice(0, qualified.lastIndexOf('.'));
  const escape = (s) => s.replace(/[.$]/g, '\\$&');
  return new RegExp(`^\\s*import\\s+(?:${escape(qualified)}|${escape(pkg)}\\.\\*)\\s*;`, 'm').test(text)
    || new RegExp(`^\\s*package\\s+${escape(pkg)}\\s*;`, 'm').test(text);
}

/**
 * Returns the edit {from, insert} that imports `qualified` after the last import line (or after the package line,
 * or at the top), or null when it is already imported.
 */
export function importEdit(text, qualified) {
  if (isImported(text, qualified)) return null;
  const statement = `import ${qualified};`;
  const last = (pattern) => {
    let end = -1;
    for (const m of text.matchAll(pattern)) end = m.index + m[0].length;
    return end;
  };
  const afterImports = last(/^[ \t]*import\s+[\w$.*\s]+;[^\n]*/gm);
  if (afterImports >= 0) return { from: afterImports, insert: `\n${statement}` };
  const afterPackage = last(/^[ \t]*package\s+[\w$.\s]+;[^\n]*/gm);
  if (afterPackage >= 0) return { from: afterPackage, insert: `\n\n${statement}` };
  return { from: 0, insert: `${statement}\n\n` };
}

// ---- Completion ---------------------------------------------------------------------------------------------------

/**
 * Returns the completions at pos: {from, options}, each option {label, type, detail, info, importName?} (importName:
 * what picking it must import, when the text does not import it yet); null when there is nothing to offer here.
 * `explicit`: the student asked (Ctrl-Space), so a lower-case or empty word still lists classes.
 */
export function completionsAt(index, text, pos, explicit = false) {
  if (inCommentOrString(text, pos)) return null;
  const before = text.slice(Math.max(0, pos - LOOK_BEHIND), pos);
  const afterNew = /\bnew\s+([\w$.]*)$/.exec(before);
  if (afterNew) {
    return { from: pos - afterNew[1].length, options: constructorOptions(index, text) };
  }
  const afterDot = new RegExp(`(?:^|[^\\w$.])([A-Za-z_$][\\w$]*(?:\\.[A-Z][\\w$]*)*)\\s*\\.\\s*([\\w$]*)$`).exec(before);
  if (afterDot) {
    const [, qualifier, prefix] = afterDot;
    const resolved = qualifierMembers(index, text, qualifier, pos);
    if (!resolved) return null;
    const owner = findClass(index, resolved.owner);
    const needs = resolved.onClass && !isImported(text, importName(owner)) ? importName(owner) : undefined;
    return { from: pos - prefix.length, options: resolved.members.map((m) => memberOption(m, needs)) };
  }
  const word = /(?:^|[^\w$.])([\w$]*)$/.exec(before)?.[1] ?? '';
  if (/^\d/.test(word) || (!explicit && !/^[A-Z]/.test(word))) return null;
  const options = lookups(index).classes.filter((c) => !c.name.includes('.')).map((c) => classOption(text, c));
  return { from: pos - word.length, options };
}

function classOption(text, type) {
  const option = { label: type.name, type: optionType(type.kind), detail: type.package, info: type.doc ?? '' };
  if (!isImported(text, importName(type))) option.importName = importName(type);
  return option;
}

function constructorOptions(index, text) {
  return lookups(index).classes.flatMap((type) => type.members.filter((m) => m.kind === 'constructor')
    .map((m) => {
      const option = { label: type.name, type: 'class', detail: parameterText(m), info: m.doc ?? type.doc ?? '' };
      if (!isImported(text, importName(type))) option.importName = importName(type);
      return option;
    }));
}

function memberOption(member, needs) {
  const option = { label: member.name, type: memberType(member), detail: memberDetail(member), info: member.doc ?? '' };
  if (needs) option.importName = needs;
  return option;
}

/** A member's detail beside its name: `(Tensor x, Tensor y, FitOptions options) → History`, or a field's type. */
export function memberDetail(member) {
  if (member.kind === 'method') return `${parameterText(member)} → ${member.returns}`;
  if (member.kind === 'field') return member.signature.slice(0, member.signature.lastIndexOf(' '));
  return member.kind === 'class' ? member.nested.package : parameterText(member);
}

function memberType(member) {
  if (member.kind === 'field') return member.static ? 'constant' : 'property';
  return member.kind === 'class' ? optionType(member.nested.kind) : 'method';
}

function optionType(kind) {
  return { interface: 'interface', enum: 'enum', annotation: 'type' }[kind] ?? 'class';
}

// ---- Hover --------------------------------------------------------------------------------------------------------

/**
 * Returns the documentation for the word at pos: {from, to, entries: [{signature, doc}]}, one entry per overload (a
 * class gives its declaration, and its constructors after `new`); null when the word is not from the index.
 */
export function hoverAt(index, text, pos) {
  let from = pos;
  let to = pos;
  while (from > 0 && IDENTIFIER.test(text[from - 1])) from--;
  while (to < text.length && IDENTIFIER.test(text[to])) to++;
  if (from === to || inCommentOrString(text, from)) return null;
  const word = text.slice(from, to);
  const before = text.slice(Math.max(0, from - LOOK_BEHIND), from);
  const qualified = new RegExp(`(?:^|[^\\w$.])([A-Za-z_$][\\w$]*(?:\\.[A-Z][\\w$]*)*)\\s*\\.\\s*$`).exec(before);
  if (qualified) {
    const resolved = qualifierMembers(index, text, qualified[1], from);
    if (resolved) {
      const matching = resolved.onClass
        ? [...findClass(index, resolved.owner).members.filter((m) => m.kind !== 'constructor'),
          ...staticMembers(index, resolved.owner).filter((m) => m.kind === 'class')]
        : resolved.members;
      const entries = matching.filter((m) => m.name === word)
        .map((m) => (m.kind === 'class' ? classEntry(m.nested) : { signature: m.signature, doc: m.doc ?? '' }));
      return entries.length > 0 ? { from, to, entries: unique(entries) } : null;
    }
    const nested = findClass(index, `${qualified[1]}.${word}`);
    return nested ? { from, to, entries: [classEntry(nested)] } : null;
  }
  const type = findClass(index, word);
  if (!type) return null;
  const entries = [classEntry(type)];
  if (/\bnew\s+$/.test(before)) {
    entries.push(...type.members.filter((m) => m.kind === 'constructor')
      .map((m) => ({ signature: `new ${m.signature}`, doc: m.doc ?? '' })));
  }
  return { from, to, entries };
}

function classEntry(type) {
  const supers = [type.extends && `extends ${type.extends}`,
    type.implements?.length && `${type.kind === 'interface' ? 'extends' : 'implements'} ${type.implements.join(', ')}`];
  return { signature: [type.kind === 'annotation' ? '@interface' : type.kind, type.name, ...supers.filter(Boolean)].join(' '),
    doc: `${type.package}${type.doc ? `\n${type.doc}` : ''}` };
}

function unique(entries) {
  const seen = new Set();
  return entries.filter((e) => !seen.has(e.signature) && seen.add(e.signature));
}

/** Returns hover documentation as plain text: each signature, then its documentation. */
export function hoverText(hover) {
  return hover.entries.map((e) => (e.doc ? `${e.signature}\n${e.doc}` : e.signature)).join('\n\n');
}

// ---- CodeMirror ---------------------------------------------------------------------------------------------------

const loads = new WeakMap();

/** Fetches /app/nn-api.json once per fetch function; a failed load is forgotten so that the next call retries. */
export function loadNnIndex(fetchFn = fetch) {
  if (!loads.has(fetchFn)) {
    const load = Promise.resolve(fetchFn('/app/nn-api.json')).then((response) => {
      if (!response.ok) throw new Error(`nn-api.json: HTTP ${response.status}`);
      return response.json();
    });
    load.catch(() => loads.delete(fetchFn));
    loads.set(fetchFn, load);
  }
  return loads.get(fetchFn);
}

/** A CompletionSource for `autocompletion({override: [nnCompletions(index)]})`. */
export function nnCompletions(index) {
  return (context) => {
    const result = completionsAt(index, context.state.doc.toString(), context.pos, context.explicit);
    if (!result || (result.options.length === 0)) return null;
    return {
      from: result.from,
      options: result.options.map(({ importName: name, ...option }) => (
        name ? { ...option, apply: insertWithImport(name) } : option)),
      validFor: /^[\w$]*$/,
    };
  };
}

/** Inserts the completion and, in the same transaction, the import it needs (if still missing when picked). */
function insertWithImport(qualified) {
  return (view, completion, from, to) => {
    const edit = importEdit(view.state.doc.toString(), qualified);
    const changes = view.state.changes([{ from, to, insert: completion.label },
      ...(edit ? [{ from: edit.from, insert: edit.insert }] : [])]);
    view.dispatch({
      changes,
      selection: { anchor: changes.mapPos(to, 1) },
      scrollIntoView: true,
      userEvent: 'input.complete',
      annotations: pickedCompletion.of(completion),
    });
  };
}

const hoverTheme = EditorView.baseTheme({
  '.cm-nn-hover': { maxWidth: '36em', padding: '4px 8px', fontSize: '90%' },
  '.cm-nn-hover-signature': { display: 'block', fontFamily: 'monospace', whiteSpace: 'pre-wrap', marginTop: '4px' },
  '.cm-nn-hover p': { margin: '2px 0' },
});

/** A hover tooltip extension showing signatures and documentation for the index's classes and members. */
export function nnHover(index) {
  return [hoverTheme, hoverTooltip((view, pos) => {
    const hover = hoverAt(index, view.state.doc.toString(), pos);
    if (!hover) return null;
    return {
      pos: hover.from,
      end: hover.to,
      above: true,
      create: () => ({ dom: hoverDom(hover) }),
    };
  })];
}

function hoverDom(hover) {
  const dom = document.createElement('div');
  dom.className = 'cm-nn-hover';
  for (const entry of hover.entries) {
    const signature = document.createElement('code');
    signature.className = 'cm-nn-hover-signature';
    signature.textContent = entry.signature;
    dom.append(signature);
    for (const paragraph of entry.doc.split('\n').filter(Boolean)) {
      const line = document.createElement('p');
      line.textContent = paragraph;
      dom.append(line);
    }
  }
  return dom;
}
