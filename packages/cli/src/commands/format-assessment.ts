import type { Assessment, DecisionRecord, Transaction } from '@entente/core';
import { formatTable } from '../format-table.ts';

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function determinationsTable(a: Assessment): string {
  const rows = a.jurisdictions.flatMap((j) =>
    j.determinations.map((d) => [
      j.jurisdiction,
      `#${d.itemIndex + 1} ${short(d.description, 28)}`,
      d.determination.item,
      d.determination.outcome,
      short(d.determination.reasons.join(', '), 40),
      [...d.determination.exceptions, ...d.determination.generalAuthorisations].join(', '),
    ]),
  );
  return rows.length
    ? formatTable(['jurisdiction', 'item', 'code', 'outcome', 'reasons', 'exceptions / GAs'], rows)
    : 'No determination: no modelled jurisdiction reaches these items (see the questions).';
}

function summaryTable(a: Assessment): string {
  const js = [...new Set(a.summary.items.flatMap((i) => Object.keys(i.byJurisdiction)))];
  return formatTable(
    ['item', 'strictest outcome', 'licence', ...js],
    a.summary.items.map((i) => [
      `#${i.itemIndex + 1} ${short(i.description, 28)}`,
      i.strictestOutcome,
      i.licenceRequired ? 'yes' : 'no',
      ...js.map((j) => i.byJurisdiction[j as keyof typeof i.byJurisdiction] ?? '—'),
    ]),
  );
}

function screeningLines(a: Assessment, record: DecisionRecord): string[] {
  if (a.screening.length === 0) return [`Screening: ${record.dataVersions.screening}`];
  return [
    'Screening',
    ...a.screening.map(
      (s) =>
        `  ${s.party.role.padEnd(12)} ${short(s.party.name, 36).padEnd(36)} ${s.hits.length ? s.hits.map((h) => `${h.name} on ${h.source} (${h.score.toFixed(2)})`).join('; ') : 'no match'}`,
    ),
  ];
}

/**
 * The readable report of a recorded assessment: the parties, each
 * jurisdiction's determinations, the harmonised summary with divergences,
 * red flags, the risk score with its factors, and the open questions.
 */
export function formatAssessment(record: DecisionRecord): string {
  const tx = (record.inputs as { transaction: Transaction }).transaction;
  const a = (record.outputs as { assessment: Assessment }).assessment;
  return [
    `Decision record ${record.id}${tx.id ? `  (transaction ${tx.id})` : ''}`,
    `recorded ${record.createdAt} by ${record.userId ?? record.channel}; kept until ${record.retainUntil.slice(0, 10)}`,
    `${a.exportingCountry} → ${a.destination}${tx.route.length ? ` via ${tx.route.join(', ')}` : ''}; end use: ${tx.endUse ?? '(not declared)'}`,
    ...tx.parties.map((p) => `  ${p.role.padEnd(12)} ${p.name} (${p.country})`),
    '',
    'Determinations',
    determinationsTable(a),
    '',
    'Harmonised summary',
    summaryTable(a),
    ...(a.summary.divergences.length
      ? [
          'Divergences between allies:',
          ...a.summary.divergences.map((d) => `  #${d.itemIndex + 1} ${d.description}: ${d.note}`),
        ]
      : ['No divergence between allies.']),
    '',
    ...(a.redFlags.length
      ? ['Red flags', ...a.redFlags.map((f) => `  ${f.severity.padEnd(6)} ${f.id}: ${f.detail}`)]
      : ['No red flag.']),
    '',
    `Risk score ${a.risk.score.toFixed(2)} (${a.risk.level})`,
    ...(a.risk.factors.length
      ? [
          formatTable(
            ['factor', 'weight', 'value', 'contribution', 'detail'],
            a.risk.factors.map((f) => [
              f.label,
              f.weight,
              f.value.toFixed(2),
              f.contribution.toFixed(3),
              short(f.detail ?? '', 40),
            ]),
          ),
        ]
      : []),
    '',
    ...screeningLines(a, record),
    '',
    ...(a.questions.length
      ? ['Open questions', ...a.questions.map((q, i) => `  ${i + 1}. ${q}`)]
      : ['No open question.']),
    '',
    `data: control lists ${record.dataVersions.controlLists.map((l) => `${l.list}@${l.version}`).join(', ')}; EAR tables ${record.dataVersions.earTablesAsOf}; ${record.dataVersions.partyLists.length} party list versions`,
  ].join('\n');
}
