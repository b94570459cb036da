import { DomainError } from '../errors.ts';
import { regimeOfCode } from '../controls/control-code.ts';
import { JURISDICTIONS, type DeterminationData, type Jurisdiction } from '../licensing/determination-data.ts';
import { normaliseControlCode } from '../licensing/determine.ts';
import type { BomComponent } from './bom.ts';

/** How one ally's list treats a component: controlled, US anti-terrorism only, not listed, or not classified. */
export type ControlStatus = 'controlled' | 'at-only' | 'not-listed' | 'unclassified';

/** One ally's classification of a component, with where the code came from. */
export interface ComponentControl {
  jurisdiction: Jurisdiction;
  status: ControlStatus;
  code?: string;
  heading?: string;
  reasons: string[];
  /** True when the code was not given but read from another ally's regime-numbered code. */
  inferred: boolean;
  reason: string;
}

// Codes that mean "on no list" in each jurisdiction.
const UNLISTED = new Set(['EAR99', 'NONE', 'NOT-LISTED', 'NLR']);
// US-only paragraphs inside Wassenaar entries: never read across to another ally.
const US_ONLY_PARAGRAPH = /\.(y|z)(\.|$)/i;

/** The entry of `code` in a jurisdiction's list, through the catalogue (US falls back to the CCL tables). */
function lookupEntry(
  data: DeterminationData,
  j: Jurisdiction,
  code: string,
): { code: string; heading?: string; reasons: string[] } | undefined {
  const listed = data.lookup(j, code);
  if (listed)
    return {
      code: listed.code,
      ...(listed.heading ? { heading: listed.heading } : {}),
      reasons: listed.reasons,
    };
  if (j !== 'US') return undefined;
  const eccn = data.us.eccns.get(code.slice(0, 5).toUpperCase());
  return eccn ? { code: eccn.eccn, heading: eccn.heading, reasons: eccn.reasons } : undefined;
}

function fromEntry(
  j: Jurisdiction,
  code: string,
  entry: { heading?: string; reasons: string[] },
  inferred: boolean,
  reason: string,
): ComponentControl {
  const atOnly = j === 'US' && entry.reasons.length > 0 && entry.reasons.every((r) => r === 'AT');
  return {
    jurisdiction: j,
    status: atOnly ? 'at-only' : 'controlled',
    code,
    ...(entry.heading ? { heading: entry.heading } : {}),
    reasons: entry.reasons,
    inferred,
    reason,
  };
}

/**
 * Resolves a component's classification in each of US, EU, UK and JP: the
 * given code looked up in that ally's list (an unknown code is an error naming
 * the row), or, when none is given, the same regime-numbered code read across
 * from another ally (never a US-only `.y`/`.z` paragraph or x9xx entry).
 */
export function resolveComponentControls(
  data: DeterminationData,
  component: Pick<BomComponent, 'classifications' | 'row'>,
  field: string,
): ComponentControl[] {
  const explicit = Object.entries(component.classifications) as [Jurisdiction, string][];
  return JURISDICTIONS.map((j) => {
    const given = component.classifications[j];
    if (given !== undefined) {
      const code = normaliseControlCode(given);
      if (UNLISTED.has(code.toUpperCase()))
        return {
          jurisdiction: j,
          status: 'not-listed',
          code: code.toUpperCase(),
          reasons: [],
          inferred: false,
          reason: `classified ${code.toUpperCase()} in ${j}`,
        };
      const entry = lookupEntry(data, j, code);
      if (!entry) {
        throw new DomainError(
          'unknown-control-entry',
          `${component.row !== undefined ? `row ${component.row}, ` : ''}${field}.classifications.${j}: unknown ${j} control entry "${given}"`,
          {
            field: `${field}.classifications.${j}`,
            ...(component.row !== undefined ? { row: component.row } : {}),
            accepted:
              j === 'US' ? 'an ECCN (e.g. 5A002.a) or EAR99' : `an entry code of the ${j} list, or none`,
          },
        );
      }
      return fromEntry(j, code, entry, false, `listed as ${j}:${entry.code}`);
    }
    for (const [other, raw] of explicit) {
      const code = normaliseControlCode(raw);
      if (UNLISTED.has(code.toUpperCase()) || !regimeOfCode(code) || US_ONLY_PARAGRAPH.test(code)) continue;
      const entry = lookupEntry(data, j, code);
      if (entry)
        return fromEntry(
          j,
          code,
          entry,
          true,
          `not classified in ${j}; ${other}:${code} is regime-numbered and ${j}:${entry.code} lists it`,
        );
    }
    return {
      jurisdiction: j,
      status: 'unclassified',
      reasons: [],
      inferred: false,
      reason: `no ${j} classification given`,
    };
  });
}

/** True when any ally's list controls the component (US anti-terrorism-only entries excepted). */
export function isControlledAnywhere(controls: ComponentControl[]): boolean {
  return controls.some((c) => c.status === 'controlled');
}
