/**
 * Greek digraphs and the Latin letters each may stand for in the Greek
 * transcription of a foreign name (data of `transcriptionSpellings`).
 */
import type { Segment } from './segment.ts';

/** Greek digraphs for sounds Greek has no letter for: ντ d, μπ b, γκ g, τζ dz, τσ/τς ts. */
export const GREEK_DIGRAPH = /(ντ|μπ|γκ|γγ|τζ|τσ|τς)/u;
export const GREEK_DIGRAPH_SOUNDS: Readonly<Record<string, Segment>> = {
  ντ: ['nt', 'd', 'nd'],
  μπ: ['mp', 'b', 'mb'],
  γκ: ['gk', 'g', 'ng'],
  γγ: ['ng', 'g'],
  τζ: ['tz', 'j', 'dz'],
  τσ: ['ts', 'ch', 'tz', 'c'],
  τς: ['ts', 'ch', 'tz', 'c'],
};
