import { ApiError } from '../../api/client.ts';
import { BomFileError } from './bom-upload.ts';

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

function titleOf(error: Error): string {
  if (error instanceof BomFileError) return 'Please check the bill of materials';
  const code = error instanceof ApiError ? error.code : undefined;
  if (code === 'network-error') return 'No connection';
  if (code === 'unauthenticated') return 'Please sign in again';
  if (error instanceof ApiError && error.status >= 400 && error.status < 500)
    return 'Please check the bill of materials';
  return 'Something went wrong';
}

/** An error over a BOM: the API's message, then where it is (file, row, column or field) on its own line. */
export function BomError({ error }: { error: Error }) {
  const details =
    error instanceof ApiError || error instanceof BomFileError
      ? error.details
      : ({} as Record<string, unknown>);
  const where = [
    ['File', str(details['file'])],
    ['Row', str(details['row'])],
    [details['path'] !== undefined ? 'Column' : 'Field', str(details['field'])],
    ['Field path', str(details['path'])],
  ].filter((w): w is [string, string] => w[1] !== undefined);
  return (
    <div className="state state-error bom-error" role="alert">
      <strong>{titleOf(error)}</strong>
      <div>{error.message}</div>
      {where.length ? (
        <dl className="record-meta error-where">
          {where.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>
                <code>{v}</code>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
