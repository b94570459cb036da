/** One problem with one row of a counterparty register file. */
export interface RegisterProblem {
  file: string;
  /** CSV: the file line the row ends on; JSON: the 1-based position of the record. */
  row: number;
  /** The field as the file names it (`birth_date` in CSV, `birthDate` in JSON). */
  field: string;
  message: string;
}

/** Formats a problem as the CLI prints it: `file, row N, field F: message`. */
export function formatRegisterProblem(p: RegisterProblem): string {
  return `${p.file}, row ${p.row}, field ${p.field}: ${p.message}`;
}
