import { useEffect, useRef, useState } from 'react';
import { ErrorMessage, Loading } from './states.tsx';

/** What a chart click reports: the series and data point. */
export interface ChartClick {
  seriesName?: string;
  name?: string;
  value?: unknown;
  data?: unknown;
  dataIndex?: number;
}

interface Props {
  option: Record<string, unknown>;
  /** Accessible description of what the chart shows (charts are images to screen readers). */
  label: string;
  height?: number;
  onClick?: (e: ChartClick) => void;
}

/** An ECharts chart, with ECharts itself loaded the first time a chart is shown. */
export function Chart({ option, label, height = 280, onClick }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<{ setOption: (o: unknown, notMerge?: boolean) => void } | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    let disposed = false;
    let dispose: (() => void) | undefined;
    import('./echarts-setup.ts').then(
      ({ echarts }) => {
        if (disposed || !el.current) return;
        const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
        c.on('click', (e) => clickRef.current?.(e as ChartClick));
        const onResize = () => c.resize();
        window.addEventListener('resize', onResize);
        dispose = () => {
          window.removeEventListener('resize', onResize);
          c.dispose();
        };
        setChart(c);
      },
      (e: Error) => setError(e),
    );
    return () => {
      disposed = true;
      dispose?.();
    };
  }, []);

  useEffect(() => {
    chart?.setOption({ animation: false, ...option }, true);
  }, [chart, option]);

  if (error) return <ErrorMessage error={error} />;
  return (
    <div className="chart-wrap">
      {chart ? null : <Loading label="Drawing chart…" />}
      <div ref={el} className="chart" role="img" aria-label={label} style={{ height }} />
    </div>
  );
}
