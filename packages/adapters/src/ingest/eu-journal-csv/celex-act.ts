/**
 * The citation of an EU act from its CELEX number (`32014R0269` → "Regulation
 * (EU) No 269/2014"; `32011D0173` → "Decision 2011/173/CFSP"), with the CELEX
 * kept in brackets so the act can always be found.
 */
export function celexActName(celex: string): string {
  const m = /^3(\d{4})([RD])(\d{4})$/.exec(celex);
  if (!m) return celex;
  const year = Number(m[1]);
  const number = Number(m[3]);
  if (m[2] === 'D') return `Decision ${year}/${number}/CFSP (CELEX ${celex})`;
  // EU regulations were numbered "No N/YYYY" until 2014 and "YYYY/N" from 2015; EC before 2009.
  if (year >= 2015) return `Regulation (EU) ${year}/${number} (CELEX ${celex})`;
  return `Regulation (${year < 2010 ? 'EC' : 'EU'}) No ${number}/${year} (CELEX ${celex})`;
}

/** The EUR-Lex address of an act, derived from its CELEX number as FORMAT.md requires. */
export function celexUrl(celex: string): string {
  return `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${celex}`;
}
