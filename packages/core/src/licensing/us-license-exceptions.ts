import type { UsEccn, UsEarTables } from './determination-data.ts';
import type { DeterminationBuilder } from './determination.ts';
import { matchParagraphScope } from './paragraph-scope.ts';

/** What the exception evaluation needs about the shipment. */
export interface UsExceptionContext {
  eccn: UsEccn;
  item: string;
  reasons: string[];
  groups: readonly string[];
  value?: number;
}

// §740.20(c)(1)/(c)(2): reasons STA can overcome; MT never (§740.2(a)(5)).
const STA_A5_REASONS = new Set(['NS', 'CB', 'NP', 'RS', 'CC', 'SL']);

function reasonCodes(reasons: string[]): string[] {
  return reasons.map((r) => r.replace(/\d+$/, ''));
}

function section(us: UsEarTables, symbol: string): string {
  const s = us.exceptionSections[symbol]?.section;
  return s ? s.replace('C.F.R. § ', 'CFR ') : `15 CFR 740 (${symbol})`;
}

/**
 * Evaluates the licence exceptions of Part 740 whose conditions the data can
 * check (LVS, GBS, STA, ENC) and lists the others (IEC, TMP, RPL, GOV, TSU)
 * as authorisations to check; an exception is "available" only when it alone
 * overcomes every reason for control that fired.
 */
export function evaluateUsExceptions(
  us: UsEarTables,
  ctx: UsExceptionContext,
  out: DeterminationBuilder,
): void {
  const codes = reasonCodes(ctx.reasons);
  if (codes.includes('MT')) {
    out.step(
      '§740.2(a)(5) MT restriction',
      'applies',
      'the item is controlled for MT reasons: no licence exception except the narrow cases of §740.2(a)(5)',
      '15 CFR 740.2(a)(5)',
    );
    out.add('citations', '15 CFR 740.2(a)(5)');
    return;
  }
  const inB = ctx.groups.includes('B');
  const { eccn, item } = ctx;

  const lvs = eccn.lvs;
  if (lvs) {
    const limit =
      lvs.limits.find((l) => matchParagraphScope(l.scope, item) === 'yes' && !l.scope.entire) ??
      lvs.limits.find((l) => matchParagraphScope(l.scope, item) === 'yes');
    const na =
      codes.some((c) => lvs.naReasons.includes(c)) ||
      (lvs.naScope !== undefined && matchParagraphScope(lvs.naScope, item) !== 'no');
    if (!inB)
      out.step('LVS (§740.3)', 'not-available', 'destination is not in Country Group B', section(us, 'LVS'));
    else if (!limit || na)
      out.step(
        'LVS (§740.3)',
        'not-available',
        `not eligible for this paragraph or reason: ${lvs.text}`,
        section(us, 'LVS'),
      );
    else if (ctx.value === undefined) {
      out.step(
        'LVS (§740.3)',
        'question',
        `eligible up to $${limit.value} net value per shipment; no value given`,
        section(us, 'LVS'),
      );
      out.addToCheck({
        id: 'LVS',
        citation: section(us, 'LVS'),
        conditions: `net value of the shipment at most $${limit.value}`,
      });
    } else if (ctx.value <= limit.value) {
      out.step(
        'LVS (§740.3)',
        'available',
        `value $${ctx.value} within the $${limit.value} limit; Country Group B destination`,
        section(us, 'LVS'),
      );
      out.add('exceptions', 'LVS');
    } else
      out.step(
        'LVS (§740.3)',
        'not-available',
        `value $${ctx.value} exceeds the $${limit.value} limit`,
        section(us, 'LVS'),
      );
  }

  const gbs = eccn.gbs;
  if (gbs) {
    const nsOnly = codes.every((c) => c === 'NS');
    const scoped =
      matchParagraphScope(gbs.scope, item) === 'yes' && !codes.some((c) => gbs.naReasons.includes(c));
    if (inB && nsOnly && scoped) {
      out.step(
        'GBS (§740.4)',
        'available',
        'Country Group B destination, licence required for NS reasons only, paragraph eligible',
        section(us, 'GBS'),
      );
      out.add('exceptions', 'GBS');
    } else
      out.step(
        'GBS (§740.4)',
        'not-available',
        !inB
          ? 'destination is not in Country Group B'
          : !nsOnly
            ? 'a reason other than NS applies'
            : 'paragraph not eligible',
        section(us, 'GBS'),
      );
  }

  const inA5 = ctx.groups.includes('A:5');
  const inA6 = ctx.groups.includes('A:6');
  const staGroup = inA5 ? 'A:5' : inA6 ? 'A:6' : undefined;
  const staReasonsOk = inA5 ? codes.every((c) => STA_A5_REASONS.has(c)) : codes.every((c) => c === 'NS');
  const excluded = eccn.staExclusions.find(
    (x) =>
      staGroup !== undefined && x.groups.includes(staGroup) && matchParagraphScope(x.scope, item) !== 'no',
  );
  if (!staGroup)
    out.step(
      'STA (§740.20)',
      'not-available',
      'destination is not in Country Group A:5 or A:6',
      section(us, 'STA'),
    );
  else if (excluded) out.step('STA (§740.20)', 'not-available', excluded.text, section(us, 'STA'));
  else if (!staReasonsOk)
    out.step(
      'STA (§740.20)',
      'not-available',
      `reasons ${codes.join(', ')} are not all eligible for ${staGroup} (§740.20(c))`,
      section(us, 'STA'),
    );
  else {
    out.step(
      'STA (§740.20)',
      'available',
      `${staGroup} destination; conditions: prior consignee statement, notification of the STA ECCN, §740.20(d)`,
      section(us, 'STA'),
    );
    out.add('exceptions', 'STA');
  }

  if (
    eccn.flags['ENC'] &&
    /^yes/i.test(eccn.flags['ENC']) &&
    codes.every((c) => c === 'NS' || c === 'EI') &&
    !ctx.groups.some((g) => g === 'E:1' || g === 'E:2')
  ) {
    out.step(
      'ENC (§740.17)',
      'available',
      `${eccn.flags['ENC']} Conditions: classification or self-classification under §740.17(b), reporting, and no government end user in non-A:5 destinations for (b)(2)/(b)(3) items`,
      section(us, 'ENC'),
    );
    out.add('exceptions', 'ENC');
  }
  if (eccn.flags['IEC'] && /^yes/i.test(eccn.flags['IEC'])) {
    out.step(
      'IEC (§740.24)',
      'question',
      `${eccn.flags['IEC']} Eligible destinations are in the BIS table incorporated by reference`,
      section(us, 'IEC'),
    );
    out.addToCheck({
      id: 'IEC',
      citation: section(us, 'IEC'),
      conditions:
        'the destination must be eligible for this item in "License Exception IEC Eligible Items and Destinations" (§740.24(c))',
    });
  }
  addGeneralExceptionsToCheck(us, eccn, out);
}

function addGeneralExceptionsToCheck(us: UsEarTables, eccn: UsEccn, out: DeterminationBuilder): void {
  const group = eccn.eccn.charAt(1);
  const isSoftwareOrTechnology = group === 'D' || group === 'E';
  if (!isSoftwareOrTechnology) {
    out.addToCheck({
      id: 'TMP',
      citation: section(us, 'TMP'),
      conditions: 'temporary export (e.g. tools of trade, exhibition, return within one year), §740.9',
    });
    out.addToCheck({
      id: 'RPL',
      citation: section(us, 'RPL'),
      conditions: 'one-for-one replacement parts or servicing of previously exported items, §740.10',
    });
  }
  if (isSoftwareOrTechnology)
    out.addToCheck({
      id: 'TSU',
      citation: section(us, 'TSU'),
      conditions: 'operation technology, sales technology, software updates or published material, §740.13',
    });
  out.addToCheck({
    id: 'GOV',
    citation: section(us, 'GOV'),
    conditions: 'consignee is a U.S. Government agency or a cooperating government listed in §740.11',
  });
}
