// Finds the line of assignment.yaml that a spec error's path names ("rubric[2].check", "deadline.lateCredit[1].until",
// "team"), so that the console can show each error at its place in the file. Reads block-style YAML by indentation,
// as the course's specs are written; a path it cannot follow to the end gives the deepest line it reached.

/** ["rubric", 2, "check"] from "rubric[2].check"; [] for "(document)". */
export function pathSegments(path) {
  const segments = [];
  for (const match of (path ?? '').matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return segments.filter((segment) => segment !== '(document)');
}

/** Each content line: its number, indent, list-dash depth, the column and name of its key (if any). */
function outline(yaml) {
  return yaml.split(/\r?\n/).map((text, index) => {
    const match = /^(\s*)((?:-\s+)*)(.*)$/.exec(text);
    const indent = match[1].length;
    const column = indent + match[2].length;
    const rest = match[3];
    const key = /^(["']?)([^:#"'][^:]*?)\1\s*:(\s|$)/.exec(rest);
    return {
      line: index + 1, indent, column, dashed: match[2].length > 0,
      blank: rest.trim() === '' || rest.trim().startsWith('#'), key: key ? key[2].trim() : null,
    };
  }).filter((entry) => !entry.blank);
}

/** The 1-based line that {@code path} names in {@code yaml}, or null when not even its first key is there. */
export function lineOfPath(yaml, path) {
  const lines = outline(yaml ?? '');
  let from = 0;
  let to = lines.length;
  let found = null;
  for (const segment of pathSegments(path)) {
    const range = lines.slice(from, to);
    if (range.length === 0) {
      break;
    }
    if (typeof segment === 'number') {
      const dashIndent = Math.min(...range.filter((l) => l.dashed).map((l) => l.indent));
      const items = range.map((l, i) => ({ ...l, at: from + i })).filter((l) => l.dashed && l.indent === dashIndent);
      const item = items[segment];
      if (!item) {
        break;
      }
      found = item.line;
      from = item.at;
      to = items[segment + 1]?.at ?? to;
      continue;
    }
    const column = Math.min(...range.filter((l) => l.key !== null).map((l) => l.column));
    const index = range.findIndex((l) => l.key === segment && l.column === column);
    if (index < 0) {
      break;
    }
    found = range[index].line;
    const start = from + index + 1;
    let end = start;
    while (end < to && (lines[end].dashed ? lines[end].indent : lines[end].column) > column) {
      end++;
    }
    // A list written without indentation under its key ("key:\n- a") belongs to the key, too.
    while (end < to && lines[end].dashed && lines[end].indent === range[index].column) {
      end++;
      while (end < to && !lines[end].dashed && lines[end].column > range[index].column) {
        end++;
      }
    }
    from = start;
    to = end;
  }
  return found;
}

/**
 * The lines to show of a {@code total}-line file so that each of {@code marked} is seen with {@code context} lines
 * around it: ascending line numbers, with null where lines are left out.
 */
export function excerpt(total, marked, context = 2) {
  const shown = new Set();
  for (const line of marked) {
    for (let n = Math.max(1, line - context); n <= Math.min(total, line + context); n++) {
      shown.add(n);
    }
  }
  const lines = [...shown].sort((a, b) => a - b);
  return lines.flatMap((line, i) => (i > 0 && line > lines[i - 1] + 1 ? [null, line] : [line]));
}
