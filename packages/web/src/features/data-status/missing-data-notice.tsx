import { apiGet } from '../../api/client.ts';
import { useApi } from '../../components/use-api.ts';
import { missingDataNotices, type DataStatus } from './data-status.ts';

/**
 * Says, at the top of a section, which data it lacks and how to load it (after a first start
 * without network, say), instead of leaving the user before empty tables. Nothing when all is there.
 */
export function MissingDataNotice({ section }: { section: string }) {
  const { data } = useApi(`data-status:${section}`, (signal) =>
    apiGet<DataStatus>('/data-status', undefined, signal),
  );
  if (!data) return null;
  const notices = missingDataNotices(data, section);
  if (notices.length === 0) return null;
  const severe = notices.some((n) => n.severe);
  return (
    <div
      className={`callout ${severe ? 'callout-warn' : 'callout-info'}`}
      role="note"
      data-testid="missing-data"
    >
      <strong>{severe ? 'Data missing' : 'Some data is missing'}</strong>
      <ul>
        {notices.map((n) => (
          <li key={n.text}>{n.text}</li>
        ))}
      </ul>
      <div className="muted">{data.howToLoad}</div>
    </div>
  );
}
