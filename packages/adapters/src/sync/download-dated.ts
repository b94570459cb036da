import { isDomainError } from '@entente/core';
import { downloadFile, type DownloadedFile, type DownloadOptions } from './download-file.ts';

/** How many days `{date}` steps back while the publisher answers 4xx (a date past its latest issue). */
export const DATE_STEP_BACK_DAYS = 7;

/** A download of a dated URL, with the day that answered (undefined for a URL without `{date}`). */
export interface DatedDownload extends DownloadedFile {
  date?: string;
}

/**
 * Downloads a file whose URL may hold `{date}` (a UTC day, `YYYY-MM-DD`):
 * today first, then earlier days while the answer is 4xx, at most
 * `DATE_STEP_BACK_DAYS` back. The eCFR versioner answers 4xx for a day past
 * its latest issue. Throws the last `sync-failed` error.
 */
export async function downloadDated(
  url: string,
  dest: string,
  options: DownloadOptions,
  today: Date,
): Promise<DatedDownload> {
  if (!url.includes('{date}')) return downloadFile(url, dest, options);
  for (let back = 0; ; back++) {
    const day = new Date(today.getTime() - back * 86_400_000).toISOString().slice(0, 10);
    try {
      return { ...(await downloadFile(url.replaceAll('{date}', day), dest, options)), date: day };
    } catch (error) {
      const status = isDomainError(error) ? Number(error.details.status) : NaN;
      if (!(status >= 400 && status < 500) || back >= DATE_STEP_BACK_DAYS) throw error;
    }
  }
}
