/**
 * Apply the ownership rules to one entity: is it owned (or controlled) by
 * listed parties as each rule reads ownership? Unlike the look-through
 * aggregate, the regulators count a deemed-owned entity's whole holding: OFAC
 * FAQ 401 example 1 (X owns 50 % of A, A owns 50 % of B: B is blocked) would be
 * 25 % by multiplication. So each rule propagates "owned by listed parties"
 * through the graph until nothing changes (cycles end because the set only grows).
 */
import type { FactSource } from '../licensing/fact-citation.ts';
import type { OwnershipGraph } from './ownership-graph.ts';
import { formatShare, type OwnershipStep } from './find-ownership-paths.ts';
import {
  OWNERSHIP_RULES,
  ownershipRulePeriod,
  type OwnershipRuleId,
  type OwnershipRulePeriod,
  type ShareThreshold,
} from './ownership-rules.ts';

/** What one rule says about one entity. */
export interface OwnershipFinding {
  rule: OwnershipRuleId;
  title: string;
  /** caught: owned/controlled under the rule; listed: on the rule's list itself; clear; or the rule does not apply that day. */
  outcome: 'caught' | 'listed' | 'clear' | 'suspended' | 'not-in-force';
  /** Per cent held by listed (or deemed) owners as the rule counts it (for the UK: the largest one person holds). */
  share: number;
  threshold?: ShareThreshold;
  byControl: boolean;
  /** The links that establish the outcome, owners first. */
  steps: readonly OwnershipStep[];
  /** One line per deemed entity on the way: who holds what, and the total. */
  explanation: readonly string[];
  sources: readonly FactSource[];
  verified: boolean;
  note?: string;
}

const EPSILON = 1e-9;

/** True when `share` (0–1) meets the threshold. */
export function meetsThreshold(share: number, threshold: ShareThreshold): boolean {
  const t = threshold.percent / 100;
  return threshold.kind === 'at-least' ? share >= t - EPSILON : share > t + EPSILON;
}

/** "≥ 50 %" or "> 50 %". */
export function describeThreshold(threshold: ShareThreshold): string {
  return `${threshold.kind === 'at-least' ? '≥' : '>'} ${threshold.percent} %`;
}

/**
 * Each rule given a list (`listedByRule`) judged for `target` on `onDate` (YYYY-MM-DD).
 *
 * @example
 * applyOwnershipRules(graph, { 'us-ofac-50': new Set(['X']) }, 'B', '2026-12-03')[0]?.outcome; // 'caught'
 */
export function applyOwnershipRules(
  graph: OwnershipGraph,
  listedByRule: Partial<Record<OwnershipRuleId, ReadonlySet<string>>>,
  target: string,
  onDate: string,
  name: (id: string) => string = (id) => id,
): OwnershipFinding[] {
  const findings: OwnershipFinding[] = [];
  const ancestors = ancestorsOf(graph, target);
  for (const [ruleId, listed] of Object.entries(listedByRule) as [OwnershipRuleId, ReadonlySet<string>][]) {
    const rule = OWNERSHIP_RULES[ruleId];
    const period = ownershipRulePeriod(rule, onDate);
    const base = {
      rule: ruleId,
      title: rule.title,
      byControl: false,
      steps: [],
      explanation: [] as string[],
    };
    if (period === undefined) {
      findings.push({
        ...base,
        outcome: 'not-in-force',
        share: 0,
        sources: [],
        verified: false,
        note: `not in force on ${onDate}`,
      });
      continue;
    }
    const cite = {
      threshold: period.threshold,
      sources: period.sources,
      verified: period.sources.every((s) => s.status === 'verified'),
      ...(period.note === undefined ? {} : { note: period.note }),
    };
    if (listed.has(target)) {
      findings.push({
        ...base,
        ...cite,
        outcome: 'listed',
        share: 100,
        explanation: [`${name(target)} is listed itself`],
      });
      continue;
    }
    const owners = [...listed].filter((id) => ancestors.has(graph.index.get(id) ?? -1));
    const runs = period.aggregate ? [owners] : owners.map((id) => [id]);
    let best: Propagation | undefined;
    for (const run of runs) {
      const result = propagate(graph, ancestors, run, period);
      const t = graph.index.get(target);
      const reached = t !== undefined && result.deemed.has(t);
      const share = t === undefined ? 0 : (result.held.get(t) ?? 0);
      if (
        best === undefined ||
        (reached && !best.reached) ||
        (reached === best.reached && share > best.share)
      )
        best = { ...result, reached, share };
      if (reached) break;
    }
    if (period.state === 'suspended') {
      findings.push({
        ...base,
        ...cite,
        outcome: 'suspended',
        share: (best?.share ?? 0) * 100,
        explanation: [`suspended on ${onDate}`],
      });
      continue;
    }
    if (best === undefined || !best.reached) {
      findings.push({
        ...base,
        ...cite,
        outcome: 'clear',
        share: (best?.share ?? 0) * 100,
        explanation: best ? explain(graph, best, target, period, name, false) : [],
      });
      continue;
    }
    const steps = establishingSteps(graph, best, target);
    findings.push({
      ...base,
      ...cite,
      outcome: 'caught',
      share: best.share * 100,
      byControl: best.byControl.has(graph.index.get(target)!),
      steps,
      explanation: explain(graph, best, target, period, name, true),
    });
  }
  return findings;
}

interface Propagation {
  deemed: Set<number>;
  listed: Set<number>;
  held: Map<number, number>;
  byControl: Set<number>;
  reached: boolean;
  share: number;
}

function ancestorsOf(graph: OwnershipGraph, target: string): Set<number> {
  const seen = new Set<number>();
  const start = graph.index.get(target);
  if (start === undefined) return seen;
  const queue = [start];
  seen.add(start);
  while (queue.length > 0) {
    const v = queue.pop()!;
    for (let e = graph.inStart[v]!; e < graph.inStart[v + 1]!; e++) {
      const u = graph.ownerOf[e]!;
      if (!seen.has(u)) {
        seen.add(u);
        queue.push(u);
      }
    }
  }
  return seen;
}

function propagate(
  graph: OwnershipGraph,
  within: Set<number>,
  listedIds: readonly string[],
  period: OwnershipRulePeriod,
): Omit<Propagation, 'reached' | 'share'> {
  const outgoing = new Map<number, number[]>();
  for (const v of within) {
    for (let e = graph.inStart[v]!; e < graph.inStart[v + 1]!; e++) {
      const u = graph.ownerOf[e]!;
      const list = outgoing.get(u);
      if (list) list.push(e);
      else outgoing.set(u, [e]);
    }
  }
  const ownedBy = (e: number): number => {
    let lo = 0;
    let hi = graph.ids.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (graph.inStart[mid]! <= e) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const listed = new Set(listedIds.map((id) => graph.index.get(id)!));
  const deemed = new Set(listed);
  const held = new Map<number, number>();
  const byControl = new Set<number>();
  const queue = [...listed];
  while (queue.length > 0) {
    const u = queue.pop()!;
    for (const e of outgoing.get(u) ?? []) {
      const v = ownedBy(e);
      const total = (held.get(v) ?? 0) + graph.shareOf[e]!;
      held.set(v, total);
      if (deemed.has(v)) continue;
      const controlled = period.control && graph.controlsOf[e] === 1;
      if (controlled || meetsThreshold(total, period.threshold)) {
        if (controlled && !meetsThreshold(total, period.threshold)) byControl.add(v);
        deemed.add(v);
        queue.push(v);
      }
    }
  }
  return { deemed, listed, held, byControl };
}

/** The links from deemed owners, walking up from the target; owners first. */
function establishingSteps(graph: OwnershipGraph, p: Propagation, target: string): OwnershipStep[] {
  const groups: OwnershipStep[][] = [];
  const seen = new Set<number>();
  const queue = [graph.index.get(target)!];
  while (queue.length > 0) {
    const v = queue.shift()!;
    if (seen.has(v) || p.listed.has(v)) continue;
    seen.add(v);
    const steps: OwnershipStep[] = [];
    groups.push(steps);
    for (let e = graph.inStart[v]!; e < graph.inStart[v + 1]!; e++) {
      const u = graph.ownerOf[e]!;
      if (!p.deemed.has(u)) continue;
      const step: OwnershipStep = { owner: graph.ids[u]!, owned: graph.ids[v]! };
      if (graph.shareOf[e]! > 0) step.share = graph.shareOf[e]! * 100;
      if (graph.controlsOf[e] === 1) step.controls = true;
      steps.push(step);
      queue.push(u);
    }
  }
  return groups.reverse().flat();
}

function explain(
  graph: OwnershipGraph,
  p: Propagation,
  target: string,
  period: OwnershipRulePeriod,
  name: (id: string) => string,
  caught: boolean,
): string[] {
  const lines: string[] = [];
  const seen = new Set<number>();
  const visit = (v: number): void => {
    if (seen.has(v) || p.listed.has(v)) return;
    seen.add(v);
    const parts: string[] = [];
    for (let e = graph.inStart[v]!; e < graph.inStart[v + 1]!; e++) {
      const u = graph.ownerOf[e]!;
      if (!p.deemed.has(u)) continue;
      visit(u);
      const how = graph.shareOf[e]! > 0 ? `owns ${formatShare(graph.shareOf[e]! * 100)}` : 'controls it';
      parts.push(
        `${name(graph.ids[u]!)} (${p.listed.has(u) ? 'listed' : 'owned by listed parties'}) ${how}${graph.shareOf[e]! > 0 && graph.controlsOf[e] === 1 ? ' and controls it' : ''}`,
      );
    }
    if (parts.length === 0) return;
    const total = formatShare((p.held.get(v) ?? 0) * 100);
    const verdict = p.deemed.has(v)
      ? p.byControl.has(v)
        ? 'controlled'
        : `${total} ${describeThreshold(period.threshold)}`
      : `${total}, not ${describeThreshold(period.threshold)}`;
    lines.push(`${name(graph.ids[v]!)}: ${parts.join('; ')} → ${verdict}`);
  };
  const t = graph.index.get(target);
  if (t !== undefined && (caught || (p.held.get(t) ?? 0) > 0)) visit(t);
  return lines;
}
