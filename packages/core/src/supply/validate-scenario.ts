import { DomainError } from '../errors.ts';
import type { DeterminationData } from '../licensing/determination-data.ts';
import { isScopeToken } from './destination-scope.ts';
import {
  SCENARIO_KINDS,
  type DestinationScope,
  type ItemMatch,
  type ScenarioSource,
  type SupplyScenario,
} from './supply-scenario.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const ACTORS = ['US', 'EU', 'UK', 'JP'];

function fail(field: string, message: string, accepted: unknown): never {
  throw new DomainError('invalid-input', `${field}: ${message}`, { field, accepted });
}

function str(obj: Json, key: string, field: string, required = true): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null || v === '') {
    if (required) fail(`${field}.${key}`, 'is required', 'a non-empty string');
    return undefined;
  }
  if (typeof v !== 'string' || !v.trim())
    fail(`${field}.${key}`, 'must be a non-empty string', 'a non-empty string');
  return v.trim();
}

function strings(obj: Json, key: string, field: string, required: boolean): string[] {
  const v = obj[key];
  if (v === undefined || v === null) {
    if (required) fail(`${field}.${key}`, 'is required', 'a non-empty list of strings');
    return [];
  }
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || !s.trim()))
    fail(`${field}.${key}`, 'must be a list of strings', 'a list of strings');
  if (required && v.length === 0) fail(`${field}.${key}`, 'must not be empty', 'a non-empty list of strings');
  return (v as string[]).map((s) => s.trim());
}

function scope(data: DeterminationData, raw: unknown, field: string, required: boolean): DestinationScope {
  if (raw === undefined || raw === null) {
    if (required) fail(field, 'is required', '{include: [...], exclude?: [...]}');
    return {};
  }
  if (!isObject(raw)) fail(field, 'must be an object', '{include?: [...], exclude?: [...]}');
  const out: DestinationScope = {};
  for (const key of ['include', 'exclude'] as const) {
    const tokens = strings(raw, key, field, required && key === 'include').map((t) => t.toUpperCase());
    const bad = tokens.find((t) => !isScopeToken(data, t));
    if (bad)
      fail(
        `${field}.${key}`,
        `unknown destination "${bad}"`,
        'ISO-2 codes, US Country Groups (D:5, E:1), EU, EU001, JP-A or *',
      );
    if (raw[key] !== undefined) out[key] = tokens;
  }
  return out;
}

function match(raw: unknown, field: string): ItemMatch {
  if (!isObject(raw)) fail(field, 'must be an object', '{codes: ["US:4A906", …], hsCodes: ["8486", …]}');
  const codes = strings(raw, 'codes', field, false);
  const bad = codes.find((c) => !/^[A-Z]+:\S+$/i.test(c));
  if (bad) fail(`${field}.codes`, `"${bad}" is not LIST:code`, 'LIST:code, e.g. US:4A906 or EU:4A506');
  const hsCodes = strings(raw, 'hsCodes', field, false).map((h) => h.replace(/[.\s]/g, ''));
  if (hsCodes.some((h) => !/^\d{2,10}$/.test(h)))
    fail(`${field}.hsCodes`, 'must be HS code prefixes', 'HS code prefixes of 2 to 10 digits');
  if (codes.length === 0 && hsCodes.length === 0)
    fail(field, 'needs codes or hsCodes', '{codes: [...]} and/or {hsCodes: [...]}');
  return {
    codes: codes.map((c) => c.replace(/^([a-z]+):/i, (_, l: string) => `${l.toUpperCase()}:`)),
    hsCodes,
  };
}

function source(raw: unknown, field: string): ScenarioSource | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) fail(field, 'must be an object', '{citation, url?, date?}');
  const url = str(raw, 'url', field, false);
  const date = str(raw, 'date', field, false);
  return {
    citation: str(raw, 'citation', field) as string,
    ...(url ? { url } : {}),
    ...(date ? { date } : {}),
  };
}

/**
 * Checks one scenario (from the library or given inline) and returns it
 * typed; errors name the field under `field` (e.g. `scenarios[1].actor`).
 */
export function validateScenario(data: DeterminationData, raw: unknown, field = 'scenario'): SupplyScenario {
  if (!isObject(raw)) fail(field, 'must be an object', 'a scenario {id, title, kind, actor, …}');
  const kind = str(raw, 'kind', field) as string;
  if (!(SCENARIO_KINDS as readonly string[]).includes(kind))
    fail(`${field}.kind`, `unknown kind "${kind}"`, [...SCENARIO_KINDS]);
  const actor = (str(raw, 'actor', field) as string).toUpperCase();
  if (!ACTORS.includes(actor) && !data.countries.has(actor))
    fail(`${field}.actor`, `unknown actor "${actor}"`, 'US, EU, UK, JP or an ISO-2 country code');
  const src = source(raw['source'], `${field}.source`);
  const note = str(raw, 'note', field, false);
  const base = {
    id: str(raw, 'id', field) as string,
    title: str(raw, 'title', field) as string,
    actor,
    ...(src ? { source: src } : {}),
    ...(note ? { note } : {}),
  };
  if (kind === 'add-control') {
    return {
      ...base,
      kind,
      entry: str(raw, 'entry', field) as string,
      match: match(raw['match'], `${field}.match`),
      destinations: scope(data, raw['destinations'], `${field}.destinations`, false),
    };
  }
  if (kind === 'deny-exports') {
    return {
      ...base,
      kind,
      destinations: scope(data, raw['destinations'], `${field}.destinations`, true),
      ...(raw['match'] !== undefined ? { match: match(raw['match'], `${field}.match`) } : {}),
    };
  }
  return {
    ...base,
    kind: 'list-supplier',
    suppliers: strings(raw, 'suppliers', field, true),
    list: str(raw, 'list', field) as string,
  };
}
