// Indexes the public API of org.backprop.nn (classes, their public members and the opening of their javadoc) into a
// small JSON file the editor reads for completion and hover. Run at build time from the library's sources:
//   node web/build/nn-api.mjs nn/src/main/java out/nn-api.json
//
// Output: {"classes":[{name, package, kind, doc?, extends?, implements?, members:[{name, kind, static?, signature,
// returns?, doc?}]}]}. `name` is the simple name, `Outer.Inner` for nested types; `extends` is a class's superclass
// and `implements` its interfaces (an interface's super-interfaces), both as the index names them when the index has
// them. Fields and flags that would be empty or false are left out to keep the file small.
//
// A hand-written scanner, not a Java parser: it skips strings, text blocks, chars, comments and bodies, and reads
// only declarations, which is all the index needs.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Packages a student program may not use: the grader's ClassPolicy refuses them (Reason.INTERNAL). */
const REFUSED_PACKAGES = ['org.backprop.nn.internal'];

const MODIFIERS = new Set(['public', 'protected', 'private', 'static', 'final', 'abstract', 'sealed', 'default',
  'synchronized', 'native', 'transient', 'volatile', 'strictfp']);
const TYPE_KINDS = new Set(['class', 'interface', 'enum', 'record']);
const OBJECT_METHODS = new Set(['toString', 'equals', 'hashCode']);
const MAX_CLASS_DOC = 400;

/** Returns the index of every public type under sourceRoot/org/backprop/nn that students may use. */
export function buildIndex(sourceRoot) {
  const classes = [];
  for (const file of javaFiles(join(sourceRoot, 'org', 'backprop', 'nn'))) {
    const pkg = dirname(relative(sourceRoot, file)).split(sep).join('.');
    if (file.endsWith('package-info.java') || REFUSED_PACKAGES.some((p) => pkg === p || pkg.startsWith(p + '.'))) {
      continue;
    }
    try {
      classes.push(...parseCompilationUnit(readFileSync(file, 'utf8'), pkg));
    } catch (e) {
      throw new Error(`${file}: ${e.message}`);
    }
  }
  classes.sort((a, b) => a.name.localeCompare(b.name) || a.package.localeCompare(b.package));
  resolveSupertypes(classes);
  dropUndocumentedOverrides(classes);
  return { classes: classes.map(compact) };
}

/** Writes the index of sourceRoot to outFile and returns its size in bytes. */
export function writeIndex(sourceRoot, outFile) {
  const json = JSON.stringify(buildIndex(sourceRoot));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, json);
  return Buffer.byteLength(json);
}

function javaFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return javaFiles(path);
    return entry.name.endsWith('.java') ? [path] : [];
  }).sort();
}

// ---- Tokens -------------------------------------------------------------------------------------------------------

/**
 * Splits Java source into tokens {t, v}: t is 'id', 'sym', 'lit' (string, text block, char or number) or 'doc' (a
 * javadoc comment, kept for the declaration that follows). Other comments are dropped. Symbols are single
 * characters, except '...', so '>>' closes two generic brackets.
 */
export function tokenize(source) {
  const tokens = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
    } else if (source.startsWith('/**', i) && !source.startsWith('/**/', i)) {
      const end = closing(source, '*/', i + 3);
      tokens.push({ t: 'doc', v: source.slice(i, end) });
      i = end;
    } else if (source.startsWith('/*', i)) {
      i = closing(source, '*/', i + 2);
    } else if (source.startsWith('//', i)) {
      const end = source.indexOf('\n', i);
      i = end < 0 ? n : end;
    } else if (source.startsWith('"""', i)) {
      i = quoted(source, '"""', i + 3);
      tokens.push({ t: 'lit', v: '"""' });
    } else if (c === '"' || c === "'") {
      i = quoted(source, c, i + 1);
      tokens.push({ t: 'lit', v: c });
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[\w$]+/.exec(source.slice(i, i + 200));
      tokens.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9][\w.]*/.exec(source.slice(i, i + 100));
      tokens.push({ t: 'lit', v: m[0] });
      i += m[0].length;
    } else if (source.startsWith('...', i)) {
      tokens.push({ t: 'sym', v: '...' });
      i += 3;
    } else {
      tokens.push({ t: 'sym', v: c });
      i++;
    }
  }
  return tokens;
}

function closing(source, end, from) {
  const at = source.indexOf(end, from);
  if (at < 0) throw new Error('unterminated comment');
  return at + end.length;
}

function quoted(source, quote, from) {
  for (let i = from; i < source.length; i++) {
    if (source[i] === '\\') {
      i++;
    } else if (source.startsWith(quote, i)) {
      return i + quote.length;
    } else if (quote.length === 1 && source[i] === '\n') {
      break;
    }
  }
  throw new Error(`unterminated literal ${quote}`);
}

// ---- Declarations -------------------------------------------------------------------------------------------------

/** Returns the public types declared in one source file (top-level ones and the public types nested in them). */
export function parseCompilationUnit(source, pkg) {
  const parser = new Parser(tokenize(source));
  const types = [];
  while (!parser.done()) {
    const decl = parser.declarationHead();
    if (decl.typeKind) {
      parser.typeDeclaration(decl, pkg, null, types);
    } else {
      parser.skipStatement();
    }
  }
  return types;
}

class Parser {
  constructor(tokens) {
    this.tokens = tokens;
    this.i = 0;
  }

  done() {
    return this.i >= this.tokens.length;
  }

  peek(offset = 0) {
    return this.tokens[this.i + offset] ?? { t: 'eof', v: '' };
  }

  next() {
    if (this.done()) throw new Error('unexpected end of file');
    return this.tokens[this.i++];
  }

  is(v, offset = 0) {
    const token = this.peek(offset);
    return token.t !== 'lit' && token.t !== 'doc' && token.v === v;
  }

  expect(v) {
    const token = this.next();
    if (token.v !== v) throw new Error(`expected '${v}', found '${token.v}'`);
  }

  /** Skips one balanced group starting at the current opening symbol. */
  skipGroup(open, close) {
    let depth = 0;
    do {
      const token = this.next();
      if (token.t === 'sym' && token.v === open) depth++;
      else if (token.t === 'sym' && token.v === close) depth--;
    } while (depth > 0);
  }

  /** Returns the tokens of one balanced group, brackets excluded. */
  group(open, close) {
    const start = this.i + 1;
    this.skipGroup(open, close);
    return this.tokens.slice(start, this.i - 1);
  }

  /** Skips a package or import line, or anything else up to ';' or a balanced block at depth 0. */
  skipStatement() {
    while (!this.done()) {
      if (this.is('{')) {
        this.skipGroup('{', '}');
        return;
      }
      if (this.next().v === ';') return;
    }
  }

  /** Reads javadoc, annotations and modifiers, then the type keyword if a type is declared here. */
  declarationHead() {
    const head = { doc: '', modifiers: new Set(), annotations: [] };
    for (;;) {
      const token = this.peek();
      if (token.t === 'doc') {
        head.doc = this.next().v;
      } else if (this.is('@') && !this.is('interface', 1)) {
        this.next();
        head.annotations.push(this.qualifiedName());
        if (this.is('(')) this.skipGroup('(', ')');
      } else if (token.t === 'id' && MODIFIERS.has(token.v)) {
        head.modifiers.add(this.next().v);
      } else if (token.t === 'id' && token.v === 'non' && this.is('-', 1) && this.is('sealed', 2)) {
        this.i += 3;
      } else {
        break;
      }
    }
    if (this.is('@') && this.is('interface', 1)) {
      this.i += 2;
      head.typeKind = 'annotation';
    } else if (this.peek().t === 'id' && TYPE_KINDS.has(this.peek().v)
        && (this.peek().v !== 'record' || this.peek(1).t === 'id')) {
      head.typeKind = this.next().v;
    }
    return head;
  }

  qualifiedName() {
    let name = this.next().v;
    while (this.is('.') && this.peek(1).t === 'id') {
      this.next();
      name += '.' + this.next().v;
    }
    return name;
  }

  /** Reads a type use (generics, arrays, qualified names, varargs) as its tokens. */
  typeTokens() {
    const start = this.i;
    while (this.is('@')) {
      this.next();
      this.qualifiedName();
      if (this.is('(')) this.skipGroup('(', ')');
    }
    this.qualifiedName();
    for (;;) {
      if (this.is('<')) this.skipGroup('<', '>');
      else if (this.is('.') && this.peek(1).t === 'id') this.i += 2;
      else if (this.is('[') && this.is(']', 1)) this.i += 2;
      else if (this.is('...')) this.i++;
      else break;
    }
    return withoutAnnotations(this.tokens.slice(start, this.i));
  }

  /**
   * Reads a type declaration after its keyword; pushes it to `out` when it is visible to students (public, or a
   * member of an interface), and its visible nested types after it.
   */
  typeDeclaration(head, pkg, outer, out) {
    const simple = this.next().v;
    const name = outer ? `${outer.name}.${simple}` : simple;
    const type = { name, package: pkg, kind: head.typeKind, doc: head.doc, extends: null, implements: [], members: [] };
    const visible = (head.modifiers.has('public') || (outer?.kind === 'interface' || outer?.kind === 'annotation'))
      && !head.modifiers.has('private') && (!outer || outer.visible);
    type.visible = visible;
    if (this.is('<')) this.skipGroup('<', '>');
    let components = null;
    if (head.typeKind === 'record') components = this.parameters();
    while (!this.is('{')) {
      const word = this.next().v;
      if (word === 'extends' || word === 'implements') {
        const supers = this.typeList().map(rawTypeName);
        if (word === 'extends' && head.typeKind === 'class') type.extends = supers[0];
        else type.implements.push(...supers);
      } else if (word === 'permits') {
        this.typeList();
      }
    }
    if (visible) out.push(type);
    if (components) {
      type.members.push({ name: simple, kind: 'constructor', signature: `${simple}(${components.text})`,
        doc: recordParamDocs(head.doc) });
      for (const component of components.list) {
        type.members.push({ name: component.name, kind: 'method', signature: `${component.type} ${component.name}()`,
          returns: component.type, doc: recordParamDocs(head.doc, component.name) });
      }
    }
    this.expect('{');
    if (head.typeKind === 'enum') this.enumConstants(type);
    this.body(type, simple, out);
  }

  typeList() {
    const types = [this.typeTokens()];
    while (this.is(',')) {
      this.next();
      types.push(this.typeTokens());
    }
    return types;
  }

  enumConstants(type) {
    for (;;) {
      while (this.peek().t === 'doc' || this.is('@')) {
        if (this.peek().t === 'doc') {
          this.next();
        } else {
          this.next();
          this.qualifiedName();
          if (this.is('(')) this.skipGroup('(', ')');
        }
      }
      const doc = this.tokens[this.i - 1]?.t === 'doc' ? this.tokens[this.i - 1].v : '';
      if (this.peek().t !== 'id') break;
      const constant = this.next().v;
      if (this.is('(')) this.skipGroup('(', ')');
      if (this.is('{')) this.skipGroup('{', '}');
      type.members.push({ name: constant, kind: 'field', static: true, signature: `${type.name} ${constant}`, doc });
      if (!this.is(',')) break;
      this.next();
    }
    if (this.is(';')) this.next();
  }

  /** Reads members until the closing brace of the type's body. */
  body(type, simple, out) {
    const inInterface = type.kind === 'interface' || type.kind === 'annotation';
    while (!this.is('}')) {
      if (this.is(';')) {
        this.next();
        continue;
      }
      const head = this.declarationHead();
      if (head.typeKind) {
        this.typeDeclaration(head, type.package, type, out);
        continue;
      }
      if (this.is('{')) {
        this.skipGroup('{', '}');
        continue;
      }
      const isPublic = head.modifiers.has('public') || (inInterface && !head.modifiers.has('private'));
      const isStatic = head.modifiers.has('static');
      let typeParams = '';
      if (this.is('<')) {
        const start = this.i;
        this.skipGroup('<', '>');
        typeParams = `${render(this.tokens.slice(start, this.i))} `;
      }
      if (this.is(simple) && this.is('(', 1)) {
        this.next();
        const params = this.parameters();
        this.skipMethodRest();
        if (isPublic) type.members.push({ name: simple, kind: 'constructor', signature: `${simple}(${params.text})`,
          doc: head.doc, annotations: head.annotations });
        continue;
      }
      if (this.is(simple) && this.is('{', 1)) { // a record's compact constructor
        this.next();
        this.skipGroup('{', '}');
        continue;
      }
      const returns = render(this.typeTokens());
      const name = this.next().v;
      if (this.is('(')) {
        const params = this.parameters();
        while (this.is('[')) this.i += 2; // old-style array return after the parameters
        this.skipMethodRest();
        if (isPublic) type.members.push({ name, kind: 'method', static: isStatic, signature: `${typeParams}${returns} ${name}(${params.text})`,
          returns, doc: head.doc, annotations: head.annotations });
        continue;
      }
      const names = [name];
      for (;;) {
        if (this.is(';')) {
          this.next();
          break;
        } else if (this.is(',')) {
          this.next();
          names.push(this.next().v);
        } else if (this.is('{')) {
          this.skipGroup('{', '}');
        } else if (this.is('(')) {
          this.skipGroup('(', ')');
        } else {
          this.next();
        }
      }
      if (isPublic) {
        for (const field of names) {
          type.members.push({ name: field, kind: 'field', static: isStatic || inInterface,
            signature: `${returns} ${field}`, returns, doc: head.doc });
        }
      }
    }
    this.expect('}');
  }

  /** Reads a parenthesised parameter list: {text: 'int units, String activation', list: [{type, name}]}. */
  parameters() {
    const tokens = this.group('(', ')');
    const list = [];
    let start = 0;
    let depth = 0;
    for (let k = 0; k <= tokens.length; k++) {
      const v = tokens[k]?.t === 'sym' ? tokens[k].v : null;
      if (v === '<' || v === '(') depth++;
      else if (v === '>' || v === ')') depth--;
      else if ((v === ',' && depth === 0) || k === tokens.length) {
        const part = withoutAnnotations(tokens.slice(start, k)).filter((token) => !(token.t === 'id' && token.v === 'final'));
        if (part.length > 0) list.push({ type: render(part.slice(0, -1)), name: part[part.length - 1].v });
        start = k + 1;
      }
    }
    return { text: list.map((p) => `${p.type} ${p.name}`).join(', '), list };
  }

  /** Skips `throws …` and then a body, a `;` or an annotation element's `default …;`. */
  skipMethodRest() {
    while (!this.is('{') && !this.is(';')) this.next();
    if (this.is('{')) this.skipGroup('{', '}');
    else this.next();
  }
}

/** Returns a run of tokens without its annotations (`@Name`, `@a.b.Name(...)`). */
function withoutAnnotations(tokens) {
  const kept = [];
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k].v !== '@') {
      kept.push(tokens[k]);
      continue;
    }
    k++;
    while (tokens[k + 1]?.v === '.' && tokens[k + 2]?.t === 'id') k += 2;
    if (tokens[k + 1]?.v === '(') {
      let depth = 0;
      do {
        k++;
        if (tokens[k].v === '(') depth++;
        else if (tokens[k].v === ')') depth--;
      } while (depth > 0);
    }
  }
  return kept;
}

/** Renders a type's tokens as Java writes them, without package qualifiers: `Map<String, List<Layer>>`. */
function render(tokens) {
  let text = '';
  for (const token of tokens) {
    const v = token.v;
    if (v === ',') text += ', ';
    else if (token.t === 'id' && /[\w$]$/.test(text)) text += ' ' + v;
    else if (v === '?' || v === '&') text += (text.endsWith('<') ? '' : ' ') + v + ' ';
    else text += v;
  }
  return text.replace(/\s+(?=[>,\]])/g, '').replace(/\b(?:[a-z_$][\w$]*\.)+(?=[A-Z])/g, '').trim();
}

/** A supertype's name as the index would have it: no package, no type arguments. */
function rawTypeName(tokens) {
  const names = [];
  let depth = 0;
  for (const token of tokens) {
    if (token.v === '<') depth++;
    else if (token.v === '>') depth--;
    else if (depth === 0 && token.t === 'id') names.push(token.v);
  }
  const firstClass = names.findIndex((n) => /^[A-Z]/.test(n));
  return names.slice(firstClass < 0 ? names.length - 1 : firstClass).join('.');
}

// ---- Supertypes and overrides -------------------------------------------------------------------------------------

/** Rewrites supertype names to index names (`Outer.Inner`), and drops the ones the index does not have. */
function resolveSupertypes(classes) {
  const byName = new Map();
  for (const type of classes) {
    const simple = type.name.slice(type.name.lastIndexOf('.') + 1);
    for (const key of [type.name, simple]) {
      if (!byName.has(key)) byName.set(key, []);
      byName.get(key).push(type);
    }
  }
  const resolve = (name, from) => {
    const candidates = byName.get(name) ?? byName.get(name.slice(name.lastIndexOf('.') + 1)) ?? [];
    const found = candidates.find((c) => c.package === from.package) ?? candidates[0];
    return found && found !== from ? found.name : null;
  };
  for (const type of classes) {
    type.extends = type.extends ? resolve(type.extends, type) : null;
    type.implements = type.implements.map((name) => resolve(name, type)).filter(Boolean);
  }
}

/**
 * Drops `@Override` methods without javadoc that a supertype in the index already declares (the editor resolves
 * members up the chain), and undocumented overrides of Object's methods.
 */
function dropUndocumentedOverrides(classes) {
  const byName = new Map(classes.map((c) => [c.name, c]));
  const declaredAbove = (type, member, seen = new Set()) => {
    for (const superName of [type.extends, ...type.implements].filter(Boolean)) {
      const superType = byName.get(superName);
      if (!superType || seen.has(superType)) continue;
      seen.add(superType);
      if (superType.members.some((m) => m.kind === 'method' && m.name === member.name
          && arity(m.signature) === arity(member.signature))) return true;
      if (declaredAbove(superType, member, seen)) return true;
    }
    return false;
  };
  for (const type of classes) {
    type.members = type.members.filter((m) => !(m.annotations?.includes('Override') && !m.doc.trim()
      && (OBJECT_METHODS.has(m.name) || declaredAbove(type, m))));
  }
}

function arity(signature) {
  const params = signature.slice(signature.indexOf('(') + 1, -1);
  if (!params) return 0;
  let depth = 0;
  let count = 1;
  for (const c of params) {
    if (c === '<') depth++;
    else if (c === '>') depth--;
    else if (c === ',' && depth === 0) count++;
  }
  return count;
}

// ---- Javadoc --------------------------------------------------------------------------------------------------------

/**
 * Turns a javadoc comment into plain text: the main description, then one compact line per @param and @return.
 * With `firstParagraph`, only the description's first paragraph (cut at a sentence near MAX_CLASS_DOC characters).
 */
export function javadocText(comment, { firstParagraph = false } = {}) {
  if (!comment) return '';
  const body = comment.replace(/^\/\*\*/, '').replace(/\*\/$/, '').split('\n')
    .map((line) => line.replace(/^\s*\*( ?)/, '')).join('\n');
  const [description, ...blocks] = ('\n' + inlineTags(body)).split(/\n\s*(?=@\w)/);
  let text = htmlToText(description);
  if (firstParagraph) {
    text = text.split('\n\n')[0];
    if (text.length > MAX_CLASS_DOC) {
      const cut = text.lastIndexOf('. ', MAX_CLASS_DOC);
      text = cut > 0 ? text.slice(0, cut + 1) : text.slice(0, MAX_CLASS_DOC) + '…';
    }
    return text;
  }
  const tags = [];
  for (const block of blocks) {
    const m = /^@(param|return)\s+([\s\S]*)$/.exec(block.trim());
    if (!m) continue;
    const value = htmlToText(m[2]).replace(/\s+/g, ' ');
    if (m[1] === 'return') {
      tags.push(`Returns: ${value}`);
    } else {
      const [, name, rest] = /^(\S+)\s*([\s\S]*)$/.exec(value);
      tags.push(`${name}: ${rest}`);
    }
  }
  return [text, ...tags].filter(Boolean).join('\n');
}

/** Rewrites {@code x}, {@literal x}, {@link A#b(int) label}, {@value A#B} as plain text; nested braces are kept. */
function inlineTags(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const m = /^\{@(\w+)\s*/.exec(text.slice(i, i + 40));
    if (!m) {
      out += text[i++];
      continue;
    }
    let depth = 1;
    let j = i + m[0].length;
    for (; j < text.length && depth > 0; j++) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}') depth--;
    }
    const content = text.slice(i + m[0].length, j - 1);
    const tag = m[1];
    if (tag === 'link' || tag === 'linkplain' || tag === 'value') {
      const [, target, label] = /^(\S*)\s*([\s\S]*)$/.exec(content.trim());
      out += label || target.replace(/^#/, '').replace('#', '.').replace(/\b(?:[a-z_$][\w$]*\.)+(?=[A-Z])/g, '');
    } else if (tag !== 'inheritDoc') {
      out += content.replace(/</g, '\u0000lt;').replace(/>/g, '\u0000gt;'); // code keeps its angle brackets
    }
    i = j;
  }
  return out;
}

function htmlToText(html) {
  return html
    .replace(/<\/?(p|pre|ul|ol|li|table|tr|br|h\d)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\u0000lt;/g, '<').replace(/\u0000gt;/g, '>')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ').replace(/&#64;/g, '@').replace(/&amp;/g, '&')
    .split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
}

/** A record's component docs come from the record's @param tags: all of them, or the named one. */
function recordParamDocs(comment, component) {
  const text = javadocText(comment);
  const params = text.split('\n').filter((line) => /^\w+: /.test(line) && !line.startsWith('Returns: '));
  if (component === undefined) return params.join('\n');
  const line = params.find((p) => p.startsWith(component + ': '));
  return line ? line.slice(component.length + 2) : '';
}

function compact(type) {
  const out = { name: type.name, package: type.package, kind: type.kind };
  const doc = javadocText(type.doc, { firstParagraph: true });
  if (doc) out.doc = doc;
  if (type.extends) out.extends = type.extends;
  if (type.implements.length > 0) out.implements = type.implements;
  out.members = type.members.map((m) => {
    const member = { name: m.name, kind: m.kind };
    if (m.static) member.static = true;
    member.signature = m.signature;
    if (m.returns && m.kind === 'method') member.returns = m.returns;
    const memberDoc = m.doc.startsWith('/**') ? javadocText(m.doc) : m.doc;
    if (memberDoc) member.doc = memberDoc;
    return member;
  });
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [sourceRoot, outFile] = process.argv.slice(2);
  if (!sourceRoot || !outFile) {
    console.error('usage: node web/build/nn-api.mjs <nnSourceRoot> <outFile.json>');
    process.exit(2);
  }
  const bytes = writeIndex(sourceRoot, outFile);
  console.log(`nn-api: wrote ${outFile} (${bytes} bytes)`);
}
