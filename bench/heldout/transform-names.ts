/**
 * Class transformations of issue 14 for persons: extra name parts (class 1),
 * joined/split particles and surname first (class 2), initials (class 3).
 * Pure functions of a listed name; they return undefined where the rule does
 * not apply. None names a specific person: each is a rule over words.
 */

/** Words of a name as written, split on spaces. */
export const words = (name: string): string[] => name.trim().split(/\s+/).filter(Boolean);

const cap = (w: string): string => (w ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w);

/** Class 1: the name with an extra given name after its first word. */
export function insertMiddleName(name: string, middle: string): string | undefined {
  const w = words(name);
  if (w.length < 2 || w.some((x) => x.toLowerCase() === middle.toLowerCase())) return undefined;
  return [w[0], middle.split(' ').map(cap).join(' '), ...w.slice(1)].join(' ');
}

/** Class 1: the name behind a title or honorific ("Dr", "Sheikh"). */
export function withTitle(name: string, title: string): string | undefined {
  return words(name).length >= 2 ? `${title} ${name.trim()}` : undefined;
}

/** Class 1: a Russian-style patronymic made from a father's given name ("Sergei" → "Sergeevich"). */
export function patronymicOf(fatherGiven: string): string {
  const f = cap(fatherGiven.replace(/[^A-Za-z]/g, ''));
  if (/[iy]$/.test(f)) return `${f.slice(0, -1)}evich`;
  if (/[aeo]$/.test(f)) return `${f.slice(0, -1)}ovich`;
  return `${f}ovich`;
}

/** Class 1: the name with a patronymic after its first word. */
export function insertPatronymic(name: string, fatherGiven: string): string | undefined {
  return insertMiddleName(name, patronymicOf(fatherGiven));
}

/** Particles that are written joined, hyphenated or apart. */
export const PARTICLES = [
  'al',
  'el',
  'abd',
  'abdul',
  'abdel',
  'abu',
  'bin',
  'ibn',
  'ben',
  'van',
  'der',
  'de',
  'la',
  'von',
  'ul',
  'ud',
  'ur',
];
const PARTICLE = new Set(PARTICLES);

/** Class 2: the first particle joined to the next word ("Abdul Rahman" → "Abdulrahman", "al-Qaida" → "Alqaida"). */
export function joinParticle(name: string): string | undefined {
  const w = name
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean);
  const i = w.findIndex(
    (x, k) => k < w.length - 1 && PARTICLE.has(x.toLowerCase()) && !PARTICLE.has(w[k + 1]!.toLowerCase()),
  );
  if (i < 0 || w.length < 3) return undefined;
  const upper = w[i] === w[i]!.toUpperCase();
  const joined = w[i]! + (upper ? w[i + 1]! : w[i + 1]!.toLowerCase());
  return [...w.slice(0, i), joined, ...w.slice(i + 2)].join(' ');
}

/** Class 2: the first free-standing particle hyphenated to the next word ("Al Qaida" → "Al-Qaida"), or a hyphen opened. */
export function hyphenateParticle(name: string): string | undefined {
  if (/\b(al|el|abu|bin|ibn|ul|ud|ur)-/i.test(name))
    return name.replace(/\b(al|el|abu|bin|ibn|ul|ud|ur)-/i, '$1 ');
  const w = words(name);
  const i = w.findIndex((x, k) => k < w.length - 1 && PARTICLE.has(x.toLowerCase()));
  if (i < 0 || w.length < 3) return undefined;
  return [...w.slice(0, i), `${w[i]}-${w[i + 1]}`, ...w.slice(i + 2)].join(' ');
}

const PREFIXES = /^(abdul|abdel|abdur|abu|bin)([a-z]{3,})$/i;

/** Class 2: a word that begins with a particle split in two ("Abdulrahman" → "Abdul Rahman"). */
export function splitParticle(name: string): string | undefined {
  const w = words(name);
  const i = w.findIndex((x) => PREFIXES.test(x));
  if (i < 0) return undefined;
  const [, particle, rest] = PREFIXES.exec(w[i]!)!;
  return [...w.slice(0, i), particle, cap(rest!), ...w.slice(i + 1)].join(' ');
}

/** Class 2: a person's name surname first with a comma ("John Smith" → "SMITH, John"). */
export function surnameFirst(name: string): string | undefined {
  const w = words(name);
  if (w.length < 2 || name.includes(',')) return undefined;
  return `${w[w.length - 1]!.toUpperCase()}, ${w.slice(0, -1).join(' ')}`;
}

/** Class 3 (agreeing): middle names reduced to their initials ("John Fitzgerald Kennedy" → "John F. Kennedy"). */
export function initialMiddleNames(name: string): string | undefined {
  const w = words(name);
  if (w.length < 3 || w.slice(1, -1).some((x) => !/^\p{L}{2,}$/u.test(x) || PARTICLE.has(x.toLowerCase())))
    return undefined;
  return [w[0], ...w.slice(1, -1).map((x) => `${x[0]!.toUpperCase()}.`), w[w.length - 1]].join(' ');
}

/**
 * Class 3 (contradicting): the first given name replaced by an initial that no
 * word of the name starts with ("John Smith" → "K. Smith").
 */
export function contradictingInitial(name: string): string | undefined {
  const w = words(name);
  if (w.length < 2 || !/^\p{Script=Latin}{2,}$/u.test(w[0]!) || PARTICLE.has(w[0]!.toLowerCase()))
    return undefined;
  const used = new Set(w.map((x) => x[0]!.toUpperCase()));
  const start = w[0]!.toUpperCase().charCodeAt(0) - 65;
  for (let k = 1; k < 26; k++) {
    const letter = String.fromCharCode(65 + ((start + k * 7) % 26));
    if (!used.has(letter)) return [`${letter}.`, ...w.slice(1)].join(' ');
  }
  return undefined;
}
