/**
 * Canonical JSON: the one text a value has, so the same facts always hash the same. Object keys in
 * code-unit order, no whitespace, strings and numbers as JSON.stringify writes them; `undefined`
 * members are left out (as JSON does). Anything JSON cannot say (NaN, Infinity, functions, bigints)
 * is refused rather than silently changed.
 */
export type CanonicalValue = null | boolean | number | string | CanonicalValue[] | { [key: string]: CanonicalValue | undefined };

export class CanonicalJsonError extends Error {
  override name = 'CanonicalJsonError';
}

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${String(value)} has no JSON form`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v: unknown) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(`a ${typeof value} has no JSON form`);
  }
}
