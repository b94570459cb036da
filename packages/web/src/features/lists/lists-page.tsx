import { apiGet } from '../../api/client.ts';
import type { ListVersion } from '../../api/types.ts';
import { DataTable } from '../../components/data-table.tsx';
import { formatCount, formatDate } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { Async } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { href, navigate, type Route } from '../../router.ts';
import { SourcePage } from './source-page.tsx';

/** List updates: every restricted-party source with its latest version; a source's versions and changes. */
export default function ListsPage({ route }: { route: Route }) {
  if (route.parts[1]) return <SourcePage source={route.parts[1]} />;
  return <Sources />;
}

function Sources() {
  const state = useApi('lists', (s) => apiGet<{ lists: ListVersion[] }>('/lists', undefined, s));
  return (
    <>
      <PageHeader
        title="List updates"
        lede="Every restricted-party list Entente screens against, with its versions and what changed."
      />
      <Async state={state}>
        {({ lists }) => (
          <DataTable
            label="Restricted-party sources"
            rows={lists}
            rowKey={(l) => l.source}
            onRowClick={(l) => navigate(['lists', l.source])}
            emptyTitle="No list is loaded yet: run `entente sync`"
            initialSort={{ key: 'source', dir: 'asc' }}
            columns={[
              {
                key: 'source',
                header: 'Source',
                value: (l) => l.source,
                render: (l) => <a href={href(['lists', l.source])}>{l.source}</a>,
              },
              {
                key: 'published',
                header: 'Latest version',
                value: (l) => l.publishedAt,
                render: (l) => formatDate(l.publishedAt),
              },
              {
                key: 'records',
                header: 'Records',
                numeric: true,
                value: (l) => l.recordCount,
                render: (l) => formatCount(l.recordCount),
              },
              {
                key: 'warnings',
                header: 'Import warnings',
                numeric: true,
                value: (l) => l.warningCount,
                render: (l) => formatCount(l.warningCount),
              },
              { key: 'format', header: 'Format', value: (l) => l.format },
              {
                key: 'imported',
                header: 'Imported',
                value: (l) => l.importedAt,
                render: (l) => formatDate(l.importedAt),
              },
            ]}
          />
        )}
      </Async>
    </>
  );
}
