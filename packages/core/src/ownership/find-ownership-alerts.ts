/**
 * Counterparties clear by name but caught by ownership: in one register, the
 * counterparties that are (name) hits on a list count as listed under that
 * list's ownership rules; every other counterparty they own or control is
 * judged by the rules, and each one caught becomes an alert candidate that
 * says so, with the path and the citations.
 */
import { describeSource } from '../licensing/fact-citation.ts';
import { applyOwnershipRules, describeThreshold, type OwnershipFinding } from './apply-ownership-rules.ts';
import { describeOwnershipPath, findOwnershipPaths } from './find-ownership-paths.ts';
import { buildOwnershipGraph, type OwnershipGraphLink } from './ownership-graph.ts';
import type { OwnershipRuleId } from './ownership-rules.ts';
import { ownershipRulesForParty } from './ownership-rules-for-party.ts';

/** A register entry as the ownership check reads it (a monitoring `Counterparty` fits). */
export interface OwnedCounterparty {
  id: string;
  names: readonly string[];
  owners: readonly { ownerId: string; share?: number; controls?: boolean }[];
}

/** A counterparty that is a name hit on a listed party (an alert not decided false positive). */
export interface ListedCounterparty {
  counterpartyId: string;
  /** The listed party, `source:sourceId`. */
  entityId: string;
  listedName: string;
}

/** One counterparty caught by ownership under one rule. */
export interface OwnershipAlertCandidate {
  counterpartyId: string;
  counterpartyName: string;
  rule: OwnershipRuleId;
  /** The listed party behind the first listed owner on the path (`source:sourceId`). */
  entityId: string;
  listedName: string;
  /** The listed owner's counterparty id and name. */
  ownerId: string;
  ownerName: string;
  /** Per cent held by listed (or deemed) owners as the rule counts it. */
  share: number;
  finding: OwnershipFinding;
  /** Lines for a person: the verdict, the holdings, the look-through paths, the citations. */
  explanation: string[];
}

/**
 * Judge every counterparty owned (directly or not) by a listed counterparty, on `onDate`.
 *
 * @example
 * findOwnershipAlerts(register, [{ counterpartyId: 'C1', entityId: 'us-ofac-sdn:123', listedName: 'X' }], '2026-12-03');
 */
export function findOwnershipAlerts(
  register: readonly OwnedCounterparty[],
  listed: readonly ListedCounterparty[],
  onDate: string,
): OwnershipAlertCandidate[] {
  const links: OwnershipGraphLink[] = register.flatMap((c) =>
    c.owners.map((o) => ({
      owner: o.ownerId,
      owned: c.id,
      ...(o.share !== undefined ? { share: o.share } : {}),
      ...(o.controls ? { controls: true } : {}),
    })),
  );
  const graph = buildOwnershipGraph(links);
  const names = new Map(register.map((c) => [c.id, c.names[0] ?? c.id]));
  const name = (id: string): string => names.get(id) ?? id;
  const byRule: Partial<Record<OwnershipRuleId, Set<string>>> = {};
  const listedParties = new Map<string, ListedCounterparty[]>();
  for (const hit of listed) {
    for (const rule of ownershipRulesForParty(hit.entityId))
      (byRule[rule] ??= new Set()).add(hit.counterpartyId);
    listedParties.set(hit.counterpartyId, [...(listedParties.get(hit.counterpartyId) ?? []), hit]);
  }
  const anyListed = new Set(listed.map((l) => l.counterpartyId));
  const candidates: OwnershipAlertCandidate[] = [];
  for (const target of descendantsOf(graph, anyListed)) {
    if (anyListed.has(target)) continue;
    for (const finding of applyOwnershipRules(graph, byRule, target, onDate, name)) {
      if (finding.outcome !== 'caught') continue;
      const ownerSet = byRule[finding.rule]!;
      const ownerId = finding.steps.find((s) => ownerSet.has(s.owner))?.owner ?? '';
      const party = listedParties
        .get(ownerId)
        ?.find((p) => ownershipRulesForParty(p.entityId).includes(finding.rule));
      const paths = findOwnershipPaths(graph, ownerSet, target, { maxPaths: 5, includeControl: true });
      candidates.push({
        counterpartyId: target,
        counterpartyName: name(target),
        rule: finding.rule,
        entityId: party?.entityId ?? '',
        listedName: party?.listedName ?? '',
        ownerId,
        ownerName: name(ownerId),
        share: finding.share,
        finding,
        explanation: [
          `Clear by name; caught by ownership under the ${finding.title}${finding.threshold ? ` (${finding.byControl ? 'control' : describeThreshold(finding.threshold)})` : ''}`,
          ...finding.explanation,
          ...paths.paths.map((p) => `Path: ${describeOwnershipPath(p, name)}`),
          ...(paths.cycleCut ? ['An ownership cycle was met and cut'] : []),
          ...finding.sources.map((s) => `Cited: ${describeSource(s)}`),
          ...(finding.note ? [`Note: ${finding.note}`] : []),
        ],
      });
    }
  }
  return candidates;
}

function descendantsOf(graph: ReturnType<typeof buildOwnershipGraph>, from: ReadonlySet<string>): string[] {
  const outgoing = new Map<number, number[]>();
  for (let v = 0; v < graph.ids.length; v++)
    for (let e = graph.inStart[v]!; e < graph.inStart[v + 1]!; e++) {
      const u = graph.ownerOf[e]!;
      const list = outgoing.get(u);
      if (list) list.push(v);
      else outgoing.set(u, [v]);
    }
  const seen = new Set<number>();
  const queue = [...from].map((id) => graph.index.get(id)).filter((v): v is number => v !== undefined);
  for (const v of queue) seen.add(v);
  while (queue.length > 0) {
    const u = queue.pop()!;
    for (const v of outgoing.get(u) ?? []) {
      if (seen.has(v)) continue;
      seen.add(v);
      queue.push(v);
    }
  }
  return [...seen].map((v) => graph.ids[v]!).sort();
}
