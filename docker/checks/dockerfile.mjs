// Reads Dockerfiles and .dockerignore files enough to check what the images are built from: the stages (FROM),
// what each stage copies from the build context, and the final stage's user and entry point.
import { readFileSync } from 'node:fs';

/** Returns a Dockerfile's instructions as {instruction, args, line}, continuation lines joined, comments dropped. */
export function instructions(file) {
  const result = [];
  let pending = null;
  readFileSync(file, 'utf8').split('\n').forEach((text, index) => {
    if (pending === null && (text.trim() === '' || text.trimStart().startsWith('#'))) {
      return;
    }
    const continued = text.endsWith('\\');
    const part = continued ? text.slice(0, -1) : text;
    pending = pending === null ? { text: part, line: index + 1 }
        : { ...pending, text: `${pending.text} ${part.trim()}` };
    if (!continued) {
      const [, instruction, args] = /^\s*(\S+)\s*(.*)$/.exec(pending.text);
      result.push({ instruction: instruction.toUpperCase(), args: args.trim(), line: pending.line });
      pending = null;
    }
  });
  return result;
}

/** Returns the stages: {image, name, steps}, in order; the last one is the image that is shipped. */
export function stages(file) {
  const result = [];
  for (const step of instructions(file)) {
    if (step.instruction === 'FROM') {
      const [image, as, name] = step.args.split(/\s+/);
      result.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, steps: [] });
    } else if (result.length > 0) {
      result.at(-1).steps.push(step);
    }
  }
  return result;
}

/** Returns the sources a COPY or ADD takes from the build context (not from another stage or image). */
export function contextSources(step) {
  if (!['COPY', 'ADD'].includes(step.instruction)) {
    return [];
  }
  const words = step.args.split(/\s+/);
  if (words.some((word) => word.startsWith('--from='))) {
    return [];
  }
  return words.filter((word) => !word.startsWith('--')).slice(0, -1);
}

/** Returns the patterns of a .dockerignore file. */
export function ignorePatterns(file) {
  return readFileSync(file, 'utf8').split('\n').map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
}

function patternRegex(pattern) {
  if (pattern.startsWith('!') || pattern.includes('[')) {
    throw new Error(`the .dockerignore pattern ${pattern} is not understood by this check`);
  }
  const body = pattern.split('**/').map((part) => part.replace(/[.+^${}()|\\]/g, '\\$&')
      .replaceAll('*', '[^/]*').replaceAll('?', '[^/]')).join('(?:.*/)?');
  return new RegExp(`^${body}$`);
}

/**
 * Returns whether a context path (relative, "/"-separated), or a folder above it, is excluded by a pattern, as
 * Docker matches them: "*" and "?" within a name, "**" across folders. Exceptions ("!") are not understood here.
 */
export function ignored(path, patterns) {
  const parts = path.split('/');
  const prefixes = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
  return patterns.map(patternRegex).some((regex) => prefixes.some((prefix) => regex.test(prefix)));
}
