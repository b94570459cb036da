/**
 * An identifier reduced for exact comparison: upper case, letters and digits
 * only ("IMO 9187629" and "imo-9187629" agree).
 */
export function normalizeIdentifier(value: string): string {
  return value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/^IMO(?=\d{7}$)/, '');
}
