import type { ComponentControl } from '../../api/supply-types.ts';
import { STATUS_LABEL } from './supply-format.ts';

/** One jurisdiction's control of an item: code and status in words, coloured by status; `*` when read across. */
export function ControlBadge({ control }: { control: ComponentControl | undefined }) {
  if (!control) return <span className="muted">—</span>;
  const title = [
    control.reason,
    control.heading,
    control.reasons.length ? `reasons: ${control.reasons.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <span className={`ctl ctl-${control.status}`} title={title}>
      {control.code ? <code className="ctl-code">{control.code}</code> : null}
      <span className="ctl-status">
        {STATUS_LABEL[control.status]}
        {control.inferred ? (
          <abbr className="ctl-inferred" title={`read across: ${control.reason}`}>
            *
          </abbr>
        ) : null}
      </span>
    </span>
  );
}
