import type { CounterpartyIdentifierType } from './counterparty.ts';

/** LEI (ISO 17442): 20 letters and digits whose last two are ISO 7064 MOD 97-10 check digits. */
export function isValidLei(value: string): boolean {
  if (!/^[0-9A-Z]{18}[0-9]{2}$/.test(value)) return false;
  let rest = 0;
  for (const ch of value) {
    const digits = /[0-9]/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/** IMO ship number: seven digits, the last a check digit (digits weighted 7…2, sum mod 10). */
export function isValidImo(value: string): boolean {
  if (!/^[0-9]{7}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(value[i]) * (7 - i);
  return sum % 10 === Number(value[6]);
}

/**
 * The identifier as stored (upper case, `IMO` prefix and inner spaces removed for
 * LEI and IMO), or the reason it is refused.
 */
export function checkIdentifier(
  type: CounterpartyIdentifierType,
  raw: string,
): { value: string } | { problem: string } {
  const text = raw.trim();
  if (type === 'lei') {
    const value = text.replace(/\s+/g, '').toUpperCase();
    return isValidLei(value)
      ? { value }
      : { problem: `"${raw}" is not an LEI (20 characters with valid ISO 17442 check digits)` };
  }
  if (type === 'imo') {
    const value = text.replace(/^IMO\s*/i, '').replace(/\s+/g, '');
    return isValidImo(value)
      ? { value }
      : { problem: `"${raw}" is not an IMO number (7 digits with a valid check digit)` };
  }
  if (text.length > 100) return { problem: `The ${type} number is longer than 100 characters` };
  return { value: text };
}
