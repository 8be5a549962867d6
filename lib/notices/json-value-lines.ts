/**
 * Which line of a JSON text a value starts on, by path ("notices[3].entries[0].kind"), so a feed
 * author is told where a bad entry is. JSON.parse keeps no positions; this is one scan of text that
 * already parsed, run only when there is something to report.
 */

interface Frame {
  path: string;
  isArray: boolean;
  index: number;
  key: string;
  expectKey: boolean;
}

/**
 * The line of each wanted path; a path that does not exist (a missing field) gets the line of its
 * nearest ancestor that does. `text` must be valid JSON.
 */
export function jsonValueLines(text: string, paths: readonly string[]): Map<string, number> {
  const wanted = new Set<string>();
  for (const path of paths) for (const prefix of prefixes(path)) wanted.add(prefix);
  const found = new Map<string, number>();

  const stack: Frame[] = [];
  let line = 1;
  let i = 0;
  const valuePath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    if (top.isArray) return `${top.path}[${top.index}]`;
    return top.path ? `${top.path}.${top.key}` : top.key;
  };
  const startValue = (): string => {
    const path = valuePath();
    if (wanted.has(path) && !found.has(path)) found.set(path, line);
    return path;
  };

  while (i < text.length && found.size < wanted.size) {
    const c = text[i] as string;
    const top = stack[stack.length - 1];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === ':') {
      i++;
    } else if (c === ',') {
      if (top?.isArray) top.index++;
      else if (top) top.expectKey = true;
      i++;
    } else if (c === '{' || c === '[') {
      const path = startValue();
      stack.push({ path, isArray: c === '[', index: 0, key: '', expectKey: c === '{' });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === '"') {
      const end = stringEnd(text, i);
      if (top && !top.isArray && top.expectKey) {
        top.key = JSON.parse(text.slice(i, end)) as string;
        top.expectKey = false;
      } else {
        startValue();
      }
      i = end;
    } else {
      startValue();
      while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i++;
    }
  }

  const lines = new Map<string, number>();
  for (const path of paths) {
    const line = prefixes(path).reverse().map((p) => found.get(p)).find((l) => l !== undefined);
    if (line !== undefined) lines.set(path, line);
  }
  return lines;
}

/** "a[1].b" → ["", "a", "a[1]", "a[1].b"]. */
function prefixes(path: string): string[] {
  const result = [''];
  const pattern = /\[\d+\]|\.?[^.[]+/g;
  for (let match = pattern.exec(path); match; match = pattern.exec(path)) result.push(path.slice(0, match.index + match[0].length));
  return result;
}

/** Index just past the string literal starting at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return i;
}
