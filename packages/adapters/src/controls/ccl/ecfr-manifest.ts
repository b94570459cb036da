import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** How one eCFR file was fetched: the address, the eCFR date asked for, and when. */
export interface EcfrFetch {
  url: string;
  /** The point-in-time date of the text (YYYY-MM-DD), as asked of the versioner API. */
  date: string;
  fetchedAt: string;
}

/** The manifest an online sync writes beside the eCFR files it saved. */
export const ECFR_MANIFEST = 'ecfr-fetched.json';

/** The fetch record of each file in an `ecfr/` folder (empty when no online sync wrote one). */
export async function readEcfrManifest(dir: string): Promise<Record<string, EcfrFetch>> {
  try {
    const raw = JSON.parse(await readFile(path.join(dir, ECFR_MANIFEST), 'utf8')) as {
      files?: Record<string, EcfrFetch>;
    };
    return raw.files ?? {};
  } catch {
    // No manifest (a mirror's own files) or an unreadable one: the texts date themselves.
    return {};
  }
}

/** Writes the manifest of an `ecfr/` folder, replacing the records of the files given. */
export async function writeEcfrManifest(dir: string, files: Record<string, EcfrFetch>): Promise<void> {
  const merged = { ...(await readEcfrManifest(dir)), ...files };
  await writeFile(path.join(dir, ECFR_MANIFEST), `${JSON.stringify({ files: merged }, null, 2)}\n`);
}
