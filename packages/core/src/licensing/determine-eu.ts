import type { CountryFact, DeterminationData, ListedEntry } from './determination-data.ts';
import { DeterminationBuilder, type Determination, type Outcome } from './determination.ts';
import { classifyEndUse } from './classify-end-use.ts';
import { applyGeneralAuthorisations, withdrawGeneralAuthorisations } from './apply-general-authorisations.ts';
import { describeSource } from './fact-citation.ts';
import { findCodeFact, type AnnexIvFinding } from './match-general-authorisation.ts';

/** A validated EU, UK or JP determination request. */
export interface ListRequest {
  item: string;
  /** The listed entry, or undefined for an item not on the list ("none"). */
  entry?: ListedEntry;
  destination: CountryFact;
  origin?: CountryFact;
  endUse?: string;
}

const REG = 'Regulation (EU) 2021/821';
// Sanctions regulations that prohibit exporting Annex I items outright.
const EU_PROHIBITIONS: Record<string, string> = {
  RU: 'Council Regulation (EU) No 833/2014, Art. 2',
  BY: 'Council Regulation (EC) No 765/2006, Art. 1e',
};

/** Whether the EU data lists `code` in Annex IV: fully, partly (a broader code), or not. */
export function findEuAnnexIv(data: DeterminationData, code: string): AnnexIvFinding {
  const { match, fact } = findCodeFact(code, data.eu.annexIv);
  return fact ? { match, source: fact.source, code: fact.code } : { match };
}

/** True when the EU data lists `code` (or a code it falls within) in Annex IV. */
export function isInEuAnnexIv(data: DeterminationData, code: string): boolean {
  return findEuAnnexIv(data, code).match === 'yes';
}

/**
 * Determines the EU dual-use authorisation requirement: Annex I items need an
 * authorisation to leave the EU (Art. 3), Annex IV items even inside it
 * (Art. 11), general authorisations of Annex II may provide it, and the
 * catch-all Articles 4, 5, 9 and 10 are raised from the declared end use.
 */
export function determineEu(data: DeterminationData, req: ListRequest): Determination {
  const out = new DeterminationBuilder();
  const dest = req.destination;
  const head = {
    jurisdiction: 'EU' as const,
    item: req.item,
    destination: dest.iso2,
    ...(req.origin ? { origin: req.origin.iso2 } : {}),
  };
  if (req.origin && !req.origin.euMember) {
    out.step(
      'Scope of Regulation (EU) 2021/821',
      'does-not-apply',
      `export from ${req.origin.name}, not from the EU customs territory`,
      `${REG}, Art. 2(2)`,
    );
    return out.build(head, 'not-controlled');
  }
  const annexIv: AnnexIvFinding = req.entry ? findEuAnnexIv(data, req.item) : { match: 'no' };
  let outcome: Outcome;
  if (dest.euMember) outcome = intraEuTransfer(req, annexIv, out);
  else if (req.entry) {
    const prohibition = EU_PROHIBITIONS[dest.iso2];
    out.add('reasons', `Annex I ${req.entry.code}`, ...req.entry.reasons.filter((r) => r));
    out.add('citations', `${REG}, Art. 3(1)`, `${REG}, Annex I ${req.entry.code}`);
    out.step(
      'Export authorisation (Art. 3)',
      'applies',
      `${req.entry.code}${req.entry.heading ? ` (${req.entry.heading})` : ''} is listed in Annex I: an authorisation is required for export outside the EU`,
      `${REG}, Art. 3(1)`,
    );
    if (prohibition) {
      out.add('citations', prohibition);
      out.step(
        'Sanctions prohibition',
        'applies',
        `exports of Annex I dual-use items to ${dest.name} are prohibited`,
        prohibition,
      );
      outcome = 'prohibited';
    } else {
      if (annexIv.match !== 'no' && annexIv.source)
        out.step(
          'Annex IV',
          'info',
          `${annexIv.code} is in Annex IV: general authorisations that exclude Annex IV items do not cover it${annexIv.match === 'partly' ? ' if the item falls in that paragraph' : ''}`,
          describeSource(annexIv.source),
        );
      applyGeneralAuthorisations(data.eu.generalAuthorisations, req.item, dest.iso2, annexIv, out);
      outcome = out.generalAuthorisations.length > 0 ? 'general-authorisation-available' : 'licence-required';
    }
  } else {
    out.step('Annex I', 'does-not-apply', 'item not listed in Annex I', `${REG}, Annex I`);
    outcome = 'not-controlled';
  }
  return applyEuCatchAll(req, dest, out, outcome, head);
}

/**
 * An intra-EU transfer: Annex IV items need an authorisation even inside the
 * EU (Art. 11(1)); a code broader than an Annex IV paragraph needs one unless
 * the exporter classifies it outside that paragraph.
 */
function intraEuTransfer(req: ListRequest, annexIv: AnnexIvFinding, out: DeterminationBuilder): Outcome {
  const art11 = `${REG}, Art. 11(1)`;
  out.add('citations', art11);
  if (annexIv.match === 'no' || !annexIv.source) {
    out.step(
      'Intra-EU transfer (Art. 11)',
      'does-not-apply',
      req.entry ? `${req.item} is not in Annex IV: no authorisation inside the EU` : 'item not listed',
      art11,
    );
    return req.entry ? 'no-licence-required' : 'not-controlled';
  }
  const annex = describeSource(annexIv.source);
  out.add('reasons', 'Annex IV intra-EU transfer');
  out.add('citations', annex);
  if (annexIv.match === 'partly') {
    out.add(
      'questions',
      `Does ${req.item} fall in Annex IV entry ${annexIv.code}? If so an intra-EU transfer authorisation is required (Art. 11(1)).`,
    );
    out.step(
      'Intra-EU transfer (Art. 11)',
      'question',
      `${req.item} is broader than Annex IV entry ${annexIv.code}: an authorisation is required inside the EU unless the item is classified outside it`,
      annex,
    );
  } else
    out.step(
      'Intra-EU transfer (Art. 11)',
      'applies',
      `${req.item} falls in Annex IV entry ${annexIv.code}: an authorisation is required even inside the EU`,
      annex,
    );
  return 'licence-required';
}

function applyEuCatchAll(
  req: ListRequest,
  dest: CountryFact,
  out: DeterminationBuilder,
  outcome: Outcome,
  head: Parameters<DeterminationBuilder['build']>[0],
): Determination {
  const kind = classifyEndUse(req.endUse);
  if (kind === 'wmd') {
    out.add('reasons', 'Art. 4 catch-all (WMD end use)');
    out.add('citations', `${REG}, Art. 4(1)(a)`);
    out.step(
      'Catch-all Art. 4(1)(a)',
      'applies',
      'declared WMD or missile end use: an authorisation is required and general authorisations cannot be used',
      `${REG}, Art. 4(1)(a)`,
    );
    withdrawGeneralAuthorisations(out, 'Art. 4(1)(a): not usable for a declared WMD or missile end use');
    return out.build(head, outcome === 'prohibited' ? outcome : 'licence-required');
  }
  if (kind === 'military') {
    out.step(
      'Catch-all Art. 4(1)(b)',
      'question',
      'military end use: an authorisation is required if the destination is under an EU, OSCE or UN arms embargo',
      `${REG}, Art. 4(1)(b)`,
    );
    out.add(
      'questions',
      `Is ${dest.name} subject to an arms embargo decided by the EU, the OSCE or the UN Security Council (Art. 4(1)(b))?`,
    );
  } else if (kind === 'surveillance') {
    out.add('reasons', 'Art. 5 catch-all (cyber-surveillance)');
    out.add('citations', `${REG}, Art. 5`);
    out.step(
      'Catch-all Art. 5',
      'applies',
      'declared surveillance end use: cyber-surveillance items need an authorisation where the competent authority so informs, and the exporter must notify when aware',
      `${REG}, Art. 5`,
    );
    return out.build(head, outcome === 'prohibited' ? outcome : 'licence-required');
  } else if (kind === 'unknown') {
    out.add(
      'questions',
      'EU Art. 4: is the item or could it be intended for WMD or missile use, a military end use in an arms-embargoed country, or as parts of illegally exported military items?',
      'EU Art. 5: could the item be a cyber-surveillance item intended for internal repression or serious human-rights violations?',
      'EU Art. 9 and 10: has a member state adopted national controls or informed you of a requirement for this item?',
    );
  }
  return out.build(head, outcome);
}
