import type { CountryFact, DeterminationData, UsEccn } from './determination-data.ts';
import { DeterminationBuilder, type Determination, type Outcome } from './determination.ts';
import { classifyEndUse } from './classify-end-use.ts';
import { isDestinationInRule } from './interpret-destination-rule.ts';
import { matchParagraphScope } from './paragraph-scope.ts';
import { findUsEmbargo } from './us-embargoes.ts';
import { evaluateUsExceptions } from './us-license-exceptions.ts';
import { findUsOffChartRule } from './us-off-chart.ts';
import { applyUsOffChart } from './determine-us-off-chart.ts';
import { applyUsExceptionRestrictions } from './us-exception-restrictions.ts';

/** A US determination request whose codes have already been validated. */
export interface UsRequest {
  item: string;
  eccn?: UsEccn;
  destination: CountryFact;
  origin?: string;
  value?: number;
  endUse?: string;
  hsCode?: string;
}

const CHART_CITATION = '15 CFR 738 Supp. 1';
// §744.21 military end-use/end-user rule destinations.
const MEU_DESTINATIONS = new Set(['BY', 'MM', 'KH', 'CN', 'HK', 'MO', 'NI', 'RU', 'VE']);

/**
 * Determines the EAR licence requirement for one ECCN (or EAR99) and
 * destination: an item another agency's regulations govern is answered as
 * such; else Part 746 embargoes first, then each licence-requirement row of
 * the ECCN against the Country Chart, then the licence exceptions, then any
 * requirement the ECCN states off the chart (§738.3(a)), then the §740.2(a)
 * restrictions on every exception, then the end-use rules of Part 744. An ECCN without chart rows is never "no licence required".
 */
export function determineUs(data: DeterminationData, req: UsRequest): Determination {
  const out = new DeterminationBuilder();
  const dest = req.destination;
  const head = {
    jurisdiction: 'US' as const,
    item: req.item,
    destination: dest.iso2,
    ...(req.origin ? { origin: req.origin } : {}),
  };
  let outcome: Outcome = 'no-licence-required';
  const embargo = findUsEmbargo(data.us.embargoes, dest.iso2);
  const offChart = req.eccn ? findUsOffChartRule(data.us.offChart, req.item) : undefined;

  if (req.eccn) {
    out.add('citations', `15 CFR 774 Supp. 1 ECCN ${req.eccn.eccn}`);
    out.step(
      'CCL entry',
      'info',
      `${req.eccn.eccn}: ${req.eccn.heading} (reasons: ${req.eccn.reasons.join(', ') || 'none stated'})`,
      `15 CFR 774 Supp. 1 ECCN ${req.eccn.eccn}`,
    );
    // Not subject to the EAR: Part 746 and Part 744 do not reach it either.
    if (offChart?.match === 'yes' && offChart.rule.kind === 'governed-elsewhere')
      return out.build(head, applyUsOffChart(req.eccn, offChart, undefined, out).outcome);
  } else out.step('EAR99', 'info', 'item subject to the EAR but not listed on the CCL', '15 CFR 734.3(c)');

  if (embargo) {
    const ear99Rule = !req.eccn ? embargo.ear99 : undefined;
    const chplTier = req.hsCode ? data.chpl.get(req.hsCode.replace(/\D/g, '').slice(0, 6)) : undefined;
    out.add('citations', ...embargo.citations);
    out.add('reasons', embargo.name);
    out.licencePolicy = embargo.policy;
    out.step(
      embargo.name,
      'applies',
      ear99Rule?.detail ??
        `reaches ${embargo.reach === 'all-items' ? 'every item subject to the EAR, EAR99 included' : 'CCL items'}`,
      embargo.citations[0],
    );
    if (ear99Rule?.question && chplTier === undefined) out.add('questions', ear99Rule.question);
    if (chplTier !== undefined)
      out.step('Common High Priority List', 'applies', `HS ${req.hsCode} is on the CHPL (tier ${chplTier})`);
    for (const t of embargo.toCheck) out.addToCheck(t);
    outcome = embargo.effect;
    if (dest.usEmbargoPointer)
      out.step(
        'Country Chart',
        'info',
        `${dest.usEmbargoPointer} No mark in the chart does not mean no licence.`,
        CHART_CITATION,
      );
  }

  if (req.eccn) {
    const offChartApplies = offChart !== undefined || req.eccn.rows.length === 0;
    const chartOutcome =
      req.eccn.rows.length > 0
        ? evaluateChart(data, req, req.eccn, out, embargo === undefined, offChartApplies)
        : undefined;
    if (offChartApplies) {
      // Under a Part 746 embargo its outcome stands; the off-chart facts are added to the trace.
      const offOutcome = applyUsOffChart(req.eccn, offChart, embargo ? undefined : chartOutcome, out).outcome;
      if (!embargo) outcome = offOutcome;
    } else if (!embargo && chartOutcome) outcome = chartOutcome;
    applyUsExceptionRestrictions(
      data.us.exceptionRestrictions,
      {
        item: req.item,
        reasons: out.reasons,
        destinationGroups: dest.usGroups,
        originGroups: (req.origin && data.countries.get(req.origin)?.usGroups) || [],
      },
      out,
    );
    // §740.2 may have withdrawn the only exceptions the chart step offered.
    if (outcome === 'exception-available' && out.exceptions.length === 0) outcome = 'licence-required';
  }
  if (!req.eccn && !embargo) {
    out.step(
      'EAR99 to a non-embargoed destination',
      'does-not-apply',
      'no licence required (NLR) unless an end-use or end-user rule of Part 744 applies',
      '15 CFR 736.2',
    );
    out.add('citations', '15 CFR 736.2');
  }
  outcome = evaluateEndUse(req, out, outcome);
  return out.build(head, outcome);
}

function evaluateChart(
  data: DeterminationData,
  req: UsRequest,
  eccn: UsEccn,
  out: DeterminationBuilder,
  withExceptions: boolean,
  offChartPending: boolean,
): Outcome {
  const dest = req.destination;
  const groups = dest.usGroups;
  // Rows whose destinations could not be read, and whether any row names a chart column.
  let unread = 0;
  const anyColumn = eccn.rows.some((r) => r.column);
  out.add('citations', CHART_CITATION);
  for (const row of eccn.rows) {
    const match = matchParagraphScope(row.scope, req.item);
    if (match === 'no') {
      out.step(`${row.column ?? row.reason} row`, 'does-not-apply', `${row.control} (not this paragraph)`);
      continue;
    }
    let fires = false;
    const label = row.column ?? row.reason;
    if (row.column) {
      if (!dest.usChartMarks) {
        if (!dest.usEmbargoPointer)
          out.add(
            'questions',
            `${dest.name} has no Country Chart row; find the governing row (§738.3(b)) before relying on this result.`,
          );
        fires = !dest.usEmbargoPointer;
      } else fires = dest.usChartMarks.includes(row.column);
    } else if (row.destinationRule) {
      const rule = row.destinationRule;
      if (rule.kind === 'unresolved') {
        if (row.reason === 'UN' ? groups.includes('D:5') : true) {
          out.add('questions', `${row.reason}: ${rule.text}`);
          unread++;
        }
        out.step(
          `${row.reason} row`,
          'question',
          rule.text,
          rule.citation ? `15 CFR ${rule.citation}` : undefined,
        );
        continue;
      }
      fires = isDestinationInRule(rule, dest.iso2, groups);
    }
    const scopeNote = row.scope.condition ? ` (${row.scope.condition})` : '';
    if (fires) {
      out.add('reasons', label);
      if (match === 'partly')
        out.add(
          'questions',
          `${label} applies to part of ${req.item}: classify to the paragraph level (${row.control}).`,
        );
      if (row.scope.condition)
        out.add(
          'questions',
          `${label} applies only ${row.scope.condition.replace(/^\w+ applies to /, 'to ')}: confirm.`,
        );
      out.step(
        `${label} row`,
        'applies',
        `${row.control}${row.column ? ` → ${row.column} marked for ${dest.name}` : ` → ${row.destinationRule?.text}`}${scopeNote}`,
        row.destinationRule?.citation ? `15 CFR ${row.destinationRule.citation}` : CHART_CITATION,
      );
    } else
      out.step(
        `${label} row`,
        'does-not-apply',
        `${row.control}${row.column ? ` → no ${row.column} mark for ${dest.name}` : ''}`,
      );
  }
  if (!withExceptions) {
    out.step(
      'Licence exceptions',
      'not-available',
      'Part 746 governs which exceptions, if any, may be used to this destination',
      '15 CFR 740.2(a)(2)',
    );
    return 'licence-required';
  }
  if (out.reasons.length === 0 && unread > 0 && !anyColumn) {
    // Every requirement is in words the engine could not read: that is not "no licence required".
    out.step(
      'Licence requirement in words',
      'question',
      `${eccn.eccn} states its requirement off the Country Chart and it could not be applied to ${dest.name}: review needed`,
      '15 CFR 738.3(a)',
    );
    out.add('citations', '15 CFR 738.3(a)');
    return 'review-needed';
  }
  if (out.reasons.length === 0 && offChartPending) return 'no-licence-required';
  if (out.reasons.length === 0) {
    out.step(
      'Country Chart',
      'does-not-apply',
      'no reason for control requires a licence to this destination (NLR), subject to General Prohibitions 4–10',
      '15 CFR 738.4(a)(2)(ii)(B)',
    );
    return 'no-licence-required';
  }
  evaluateUsExceptions(
    data.us,
    {
      eccn,
      item: req.item,
      reasons: out.reasons,
      groups,
      ...(req.value !== undefined ? { value: req.value } : {}),
    },
    out,
  );
  return out.exceptions.length > 0 ? 'exception-available' : 'licence-required';
}

function evaluateEndUse(req: UsRequest, out: DeterminationBuilder, outcome: Outcome): Outcome {
  const kind = classifyEndUse(req.endUse);
  const iso = req.destination.iso2;
  if (kind === 'wmd') {
    out.add('reasons', 'WMD end use (§744.2–744.4)');
    out.add('citations', '15 CFR 744.2', '15 CFR 744.3', '15 CFR 744.4');
    out.step(
      'General Prohibition 5 (Part 744 end uses)',
      'applies',
      `declared end use "${req.endUse}" is a nuclear, missile or chemical/biological weapons end use: licence required for any item, no exceptions`,
      '15 CFR 744.3',
    );
    out.exceptions.length = 0;
    return outcome === 'prohibited' ? outcome : 'licence-required';
  }
  if (kind === 'military' && MEU_DESTINATIONS.has(iso)) {
    out.add('citations', '15 CFR 744.21');
    if (iso === 'RU' || iso === 'BY') {
      out.add('reasons', 'Military end use (§744.21)');
      out.step(
        'Military end-use rule',
        'applies',
        'any item subject to the EAR for a military end use or end user in Russia or Belarus',
        '15 CFR 744.21',
      );
      out.exceptions.length = 0;
      return outcome === 'prohibited' ? outcome : 'licence-required';
    }
    out.step(
      'Military end-use rule',
      'question',
      'military end use in a §744.21 destination: a licence is required if the item is listed in Supplement No. 2 to Part 744 (or any item for Russia/Belarus)',
      '15 CFR 744.21',
    );
    out.add(
      'questions',
      'Is the item listed in Supplement No. 2 to Part 744? A military end use or end user in this destination then needs a licence (§744.21).',
    );
  }
  if (kind === 'unknown')
    out.add(
      'questions',
      'What is the end use and who is the end user? Part 744 end-use and end-user rules apply to every item.',
    );
  return outcome;
}
