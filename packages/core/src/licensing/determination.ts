import type { Jurisdiction } from './determination-data.ts';
import type { FactStatus } from './fact-citation.ts';

/**
 * The possible results of one determination, from strictest to most
 * permissive. 'review-needed': the requirement could not be read (the
 * questions name what to read), so the answer is never a permissive one;
 * 'governed-elsewhere': the item is not subject to these regulations at all,
 * another authority's are named in the reasons (e.g. the ITAR for the EAR).
 */
export const OUTCOMES = [
  'prohibited',
  'licence-required',
  'review-needed',
  'governed-elsewhere',
  'exception-available',
  'general-authorisation-available',
  'no-licence-required',
  'not-controlled',
] as const;

/** One determination outcome. */
export type Outcome = (typeof OUTCOMES)[number];

/** One rule the engine evaluated, in the order it did. */
export interface TraceStep {
  rule: string;
  result: 'applies' | 'does-not-apply' | 'available' | 'not-available' | 'question' | 'info';
  detail: string;
  citation?: string;
}

/** A licence exception or authorisation that may apply but whose conditions the data cannot check. */
export interface AuthorisationToCheck {
  id: string;
  citation: string;
  conditions: string;
  /** 'unverified' when a fact this rests on could not be read in the act. */
  status?: FactStatus;
}

/** One general authorisation or bulk licence the engine offered or refused, with its citations. */
export interface AuthorisationFinding {
  id: string;
  title: string;
  result: 'available' | 'to-check' | 'not-available';
  why: string;
  /** The provisions the result rests on, each with where it was read or "(unverified)". */
  citations: string[];
  /** 'unverified' when any fact the result rests on is unverified. */
  status: FactStatus;
}

/** A request for one determination. */
export interface DeterminationRequest {
  jurisdiction: string;
  item: string;
  to: string;
  from?: string;
  value?: number;
  endUse?: string;
  /** HS code of the item (6 digits or more), used for sanctions lists keyed by tariff code. */
  hsCode?: string;
}

/** The answer to one determination, with the reasons, authorisations, citations and rule trace. */
export interface Determination {
  jurisdiction: Jurisdiction;
  item: string;
  destination: string;
  origin?: string;
  licenceRequired: boolean;
  outcome: Outcome;
  reasons: string[];
  exceptions: string[];
  generalAuthorisations: string[];
  citations: string[];
  trace: TraceStep[];
  /** Exceptions or authorisations that may apply once their conditions are checked. */
  toCheck: AuthorisationToCheck[];
  /** Every general authorisation offered or refused, with citations and verification status. */
  authorisations: AuthorisationFinding[];
  /** What the exporter must still answer before relying on the outcome. */
  questions: string[];
  licencePolicy?: string;
}

/** The rank of an outcome (0 = strictest). */
export function outcomeRank(outcome: Outcome): number {
  return OUTCOMES.indexOf(outcome);
}

/** The stricter of two outcomes. */
export function stricterOutcome(a: Outcome, b: Outcome): Outcome {
  return outcomeRank(a) <= outcomeRank(b) ? a : b;
}

/** True when the outcome means some authorisation is (or, until reviewed, may be) needed. */
export function isLicenceRequired(outcome: Outcome): boolean {
  return outcomeRank(outcome) <= outcomeRank('general-authorisation-available');
}

/** A mutable builder that collects trace, reasons and citations without duplicates. */
export class DeterminationBuilder {
  readonly trace: TraceStep[] = [];
  readonly reasons: string[] = [];
  readonly citations: string[] = [];
  readonly questions: string[] = [];
  readonly exceptions: string[] = [];
  readonly generalAuthorisations: string[] = [];
  readonly toCheck: AuthorisationToCheck[] = [];
  readonly authorisations: AuthorisationFinding[] = [];
  licencePolicy: string | undefined;

  /** Records one evaluated rule. */
  step(rule: string, result: TraceStep['result'], detail: string, citation?: string): void {
    this.trace.push(citation ? { rule, result, detail, citation } : { rule, result, detail });
  }

  /** Adds values to one of the de-duplicated lists. */
  add(
    list: 'reasons' | 'citations' | 'questions' | 'exceptions' | 'generalAuthorisations',
    ...values: string[]
  ): void {
    for (const v of values) if (!this[list].includes(v)) this[list].push(v);
  }

  /** Adds an authorisation to check, once per id. */
  addToCheck(item: AuthorisationToCheck): void {
    if (!this.toCheck.some((t) => t.id === item.id)) this.toCheck.push(item);
  }

  /** Freezes the collected facts into a Determination. */
  build(
    head: { jurisdiction: Jurisdiction; item: string; destination: string; origin?: string },
    outcome: Outcome,
  ): Determination {
    return {
      jurisdiction: head.jurisdiction,
      item: head.item,
      destination: head.destination,
      ...(head.origin ? { origin: head.origin } : {}),
      licenceRequired: isLicenceRequired(outcome),
      outcome,
      reasons: this.reasons,
      exceptions: this.exceptions,
      generalAuthorisations: this.generalAuthorisations,
      citations: this.citations,
      trace: this.trace,
      toCheck: this.toCheck,
      authorisations: this.authorisations,
      questions: this.questions,
      ...(this.licencePolicy ? { licencePolicy: this.licencePolicy } : {}),
    };
  }
}
