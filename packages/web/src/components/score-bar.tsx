/** A score in [0,1] as a labelled bar, coloured by strength. */
export function ScoreBar({ value, label, width = 120 }: { value: number; label?: string; width?: number }) {
  const pct = Math.max(0, Math.min(1, value)) * 100;
  const level = value >= 0.9 ? 'high' : value >= 0.75 ? 'medium' : 'low';
  return (
    <span className="score" title={label ? `${label}: ${value.toFixed(3)}` : value.toFixed(3)}>
      <span
        className={`score-bar score-${level}`}
        style={{ width }}
        role="meter"
        aria-valuemin={0}
        aria-valuemax={1}
        aria-valuenow={Number(value.toFixed(3))}
        aria-label={label ?? 'score'}
      >
        <span className="score-fill" style={{ width: `${pct}%` }} />
      </span>
      <span className="score-value">{value.toFixed(2)}</span>
    </span>
  );
}
