/** A lone UTF-16 surrogate: half of a character, which no UTF-8 text (nor PostgreSQL) can hold. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be stored: a NUL character or a lone surrogate. */
export type UnsafeTextProblem = 'NUL character' | 'lone surrogate';

/** The problem with a text PostgreSQL would refuse (or store mangled), or undefined when it is fine. */
export function unsafeTextProblem(text: string): UnsafeTextProblem | undefined {
  if (text.includes('\u0000')) return 'NUL character';
  if (LONE_SURROGATE.test(text)) return 'lone surrogate';
  return undefined;
}

/** Where in a parsed JSON value an unsafe text sits: its dotted path (keys included) and the problem. */
export interface UnsafeTextFound {
  path: string;
  problem: UnsafeTextProblem;
}

/**
 * The first string (value or object key) in a parsed JSON value that holds a
 * NUL character or a lone surrogate, with its dotted path (`parties.0.name`).
 */
export function findUnsafeText(value: unknown, path = ''): UnsafeTextFound | undefined {
  if (typeof value === 'string') {
    const problem = unsafeTextProblem(value);
    return problem ? { path, problem } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      const problem = unsafeTextProblem(key);
      if (problem) return { path: at, problem };
      const found = findUnsafeText(child, at);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A text safe to put on one log line: control characters (line breaks, NUL,
 * escape…) written as `\n` or `\u001b`, so a request path cannot forge log lines.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) =>
    ch === '\n'
      ? '\\n'
      : ch === '\r'
        ? '\\r'
        : ch === '\t'
          ? '\\t'
          : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
