/**
 * Where 10 CFR Part 110 (NRC export licensing) covers the NSG Trigger List
 * items of Category 0, by entry group (0A, 0B) or entry (0C), as read from the part itself
 * (shared data mirror controls/us/ecfr/title-10_part-110.xml). The EAR leaves
 * most of Category 0 to the NRC (Supp. No. 1 to Part 774 lists only a few 0x0xx
 * ECCNs), so an EU/UK 0A–0C entry is implemented in the US by this part, not by
 * a CCL entry. Software (0D) and technology (0E) are not listed in §§110.8–110.9
 * (nuclear technology falls under 10 CFR Part 810, which is not loaded), so they
 * are left as gaps.
 */
export const NRC_PART_110: Readonly<Record<string, string>> = Object.freeze({
  '0A': '10 CFR 110.8(a) "Nuclear reactors and especially designed or prepared equipment and components" (Appendix A to Part 110), read from controls/us/ecfr/title-10_part-110.xml',
  '0B': '10 CFR 110.8(b)–(g) plants for isotope separation, reprocessing, fuel fabrication, conversion and heavy water, and their equipment (Appendices B–K, N, O to Part 110), read from controls/us/ecfr/title-10_part-110.xml',
  '0C001': '10 CFR 110.9(b) "Source Material", read from controls/us/ecfr/title-10_part-110.xml',
  '0C002': '10 CFR 110.9(a) "Special Nuclear Material", read from controls/us/ecfr/title-10_part-110.xml',
  '0C003':
    '10 CFR 110.9(d) "Deuterium for nuclear end use", read from controls/us/ecfr/title-10_part-110.xml',
  '0C004':
    '10 CFR 110.9(e) "Nuclear grade graphite for nuclear end use", read from controls/us/ecfr/title-10_part-110.xml',
  '0C005':
    '10 CFR Part 110 Appendix C §1.1(b) "Especially prepared compounds or powders for the manufacture of" gaseous diffusion barriers, read from controls/us/ecfr/title-10_part-110.xml',
});

/** The Part 110 provision that covers a Category 0 entry code, or undefined. */
export function nrcProvision(code: string): string | undefined {
  return NRC_PART_110[code] ?? NRC_PART_110[code.slice(0, 2)];
}
