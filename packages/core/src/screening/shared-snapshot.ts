import type { ScreeningIndexSnapshot } from './index-snapshot.ts';
import { packedCodes, type PackedStrings } from './packed-strings.ts';
import { withColumnLookups } from './stored-columns.ts';

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

const isTyped = (x: unknown): x is Typed => ArrayBuffer.isView(x) && !(x instanceof DataView);

/** Calls `visit` with every typed array in a snapshot (nested in packed strings and deletion arrays too). */
function forEachTyped(
  value: object,
  visit: (holder: Record<string, unknown>, key: string, a: Typed) => void,
) {
  const holder = value as Record<string, unknown>;
  for (const key of Object.keys(holder)) {
    const x = holder[key];
    if (isTyped(x)) visit(holder, key, x);
    else if (x && typeof x === 'object') forEachTyped(x, visit);
  }
}

const isPacked = (x: object): x is PackedStrings => 'ends' in x && ('text' in x || 'codes' in x);

/**
 * A copy of a snapshot whose every nested object is copied, whose typed arrays are kept as
 * they are and whose packed strings are turned into code units (strings cannot be shared).
 */
function shallowTree<T>(value: T): T {
  if (!value || typeof value !== 'object' || isTyped(value)) return value;
  if (isPacked(value)) return packedCodes(value) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = shallowTree(v);
  return out as T;
}

/**
 * The snapshot (with its look-ups, see `withColumnLookups`) with every typed array copied
 * into one `SharedArrayBuffer`, its packed strings as code units there too: posted to a
 * worker thread (structured clone), the arrays are shared, not copied, so that any number of
 * workers read one index and hold no string of it until a query reads one.
 */
export function shareSnapshot(snapshot: ScreeningIndexSnapshot): ScreeningIndexSnapshot {
  const shared = shallowTree(withColumnLookups(snapshot));
  let bytes = 0;
  forEachTyped(shared, (_h, _k, a) => (bytes += Math.ceil(a.byteLength / 8) * 8));
  const buffer = new SharedArrayBuffer(bytes);
  let at = 0;
  forEachTyped(shared, (holder, key, a) => {
    const Kind = a.constructor as new (b: SharedArrayBuffer, offset: number, length: number) => Typed;
    const copy = new Kind(buffer, at, a.length);
    copy.set(a);
    holder[key] = copy;
    at += Math.ceil(a.byteLength / 8) * 8;
  });
  return shared;
}

/** Whether a snapshot holds no string (see `PackedStrings`): nothing a worker would copy. */
function holdsNoString(value: object): boolean {
  if (isTyped(value)) return true;
  if (isPacked(value)) return !('text' in value);
  return Object.values(value).every(
    (v) => typeof v !== 'string' && (!v || typeof v !== 'object' || holdsNoString(v)),
  );
}

/**
 * Whether every typed array of a snapshot lives in shared memory and it holds no string
 * (see `shareSnapshot`): a worker it is posted to then copies nothing of it.
 */
export function isSharedSnapshot(snapshot: ScreeningIndexSnapshot): boolean {
  let shared = true;
  forEachTyped(snapshot, (_h, _k, a) => (shared &&= a.buffer instanceof SharedArrayBuffer));
  return shared && holdsNoString(snapshot);
}
