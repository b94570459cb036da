import type { PartySchema } from '@entente/core';

/** One OpenSanctions CSV transcription: how to recognise it and which source it feeds. */
export interface Transcription {
  source: string;
  /** Header columns that identify the file (all must be present, case-insensitive). */
  signature: string[];
  /** Folder name under the mirror's `lists/` tree. */
  folder: string;
  schema: PartySchema;
  program: string;
  /** Columns, by role. */
  columns: {
    name: string;
    aliases: string[];
    birthDate?: string;
    birthPlace?: string;
    nationality?: string;
    country?: string;
    passports?: string;
    notes?: string;
    program?: string;
    listed?: string;
    delisted?: string;
    url?: string;
    type?: string;
  };
  bounds: { min: number; max: number };
}

/**
 * The OpenSanctions transcriptions in the mirror (CC BY-NC 4.0): BIS
 * military-intelligence end users, DoD 1260H Chinese military companies, Swiss
 * FIAA asset freezes. Rules as data: columns per file, source id, count bounds.
 */
export const TRANSCRIPTIONS: readonly Transcription[] = [
  {
    source: 'us-bis-mieu',
    folder: 'bis-mieu',
    signature: ['type', 'name', 'alias', 'country', 'program'],
    schema: 'organization',
    program: 'US-BIS-MIEU',
    columns: {
      name: 'name',
      aliases: ['alias'],
      country: 'country',
      program: 'program',
      listed: 'date',
      delisted: 'end date',
      url: 'source url',
      type: 'type',
    },
    bounds: { min: 5, max: 500 },
  },
  {
    source: 'us-dod-1260h',
    folder: 'dod-1260h',
    signature: ['name', 'clean name', 'alias', 'previous name', 'parent name'],
    schema: 'organization',
    program: 'US-DOD-1260H',
    columns: {
      name: 'clean name',
      aliases: ['alias', 'previous name', 'name'],
      notes: 'note',
      listed: 'start date',
      delisted: 'end date',
      url: 'source url',
    },
    bounds: { min: 100, max: 5000 },
  },
  {
    source: 'ch-seco-fiaa',
    folder: 'fiaa-freezes',
    signature: ['name', 'alias', 'birth date', 'passport numbers', 'delisted'],
    schema: 'person',
    program: 'CH-FIAA',
    columns: {
      name: 'name',
      aliases: ['alias', 'previous name'],
      birthDate: 'birth date',
      birthPlace: 'birth place',
      nationality: 'nationality',
      country: 'country',
      passports: 'passport numbers',
      notes: 'notes',
      program: 'program',
      listed: 'listed',
      delisted: 'delisted',
      url: 'source url',
    },
    bounds: { min: 10, max: 5000 },
  },
];
