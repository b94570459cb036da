import { useMemo } from 'react';
import type { ProductAnalysis } from '../../api/supply-types.ts';
import { Chart } from '../../components/chart.tsx';
import { labelOf } from '../../components/format.ts';
import { compactMoney, money, pct } from './supply-format.ts';

const LEVEL_TONE: Record<string, string> = { high: 'danger', moderate: 'warn', low: 'ok', none: 'ok' };

/** Controlled value by jurisdiction of origin, as a bar chart, with the Herfindahl–Hirschman index over it. */
export function ConcentrationPanel({ product, currency }: { product: ProductAnalysis; currency: string }) {
  const c = product.concentration;
  const shares = c.shares;
  const option = useMemo(() => {
    const rows = [...shares].reverse();
    return {
      grid: { left: 48, right: 110, top: 8, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => money(v, currency),
      },
      xAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => compactMoney(v, currency) },
        splitNumber: 4,
      },
      yAxis: { type: 'category', data: rows.map((s) => s.key), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          name: 'Controlled value',
          data: rows.map((s) => s.value),
          barMaxWidth: 28,
          itemStyle: { color: '#1f5fbf', borderRadius: [0, 3, 3, 0] },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => {
              const s = rows[p.dataIndex]!;
              return `${money(s.value, currency)} · ${pct(s.share)}`;
            },
          },
        },
      ],
    };
  }, [shares, currency]);
  const label = `Controlled value of ${product.id} by jurisdiction of origin: ${shares
    .map((s) => `${s.key} ${money(s.value, currency)} (${pct(s.share)})`)
    .join(', ')}`;
  return (
    <>
      <div className="hhi">
        <span className="hhi-n">
          {c.hhi !== undefined ? c.hhi.toLocaleString('en-GB', { maximumFractionDigits: 1 }) : '—'}
        </span>
        <div>
          <abbr title="Herfindahl–Hirschman index, 0 to 10,000">HHI</abbr>{' '}
          <span className={`outcome outcome-${LEVEL_TONE[c.level] ?? 'ok'}`}>{labelOf(c.level)}</span>
          <div className="muted small">{c.reason}</div>
        </div>
      </div>
      {shares.length === 0 ? (
        <p className="muted">No controlled component: nothing to concentrate.</p>
      ) : (
        <Chart option={option} label={label} height={56 + 40 * shares.length} />
      )}
      <p className="muted small">
        Controlled value {money(c.total, currency)} of {money(product.value, currency)} · bands: above 1,800
        high, 1,000–1,800 moderate (2023 US Merger Guidelines).
      </p>
    </>
  );
}
