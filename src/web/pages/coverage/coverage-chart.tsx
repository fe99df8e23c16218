import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { RegionFigures } from '../../../shared/contracts/index.ts';
import { coverageColor } from './tile-map.tsx';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

/** Coverage of every province, highest first, with the national target as a line. */
export function CoverageChart({ provinces, target, label, targetLabel }: { provinces: RegionFigures[]; target: number | null; label: string; targetLabel: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const sorted = [...provinces].sort((a, b) => (b.coveragePct ?? -1) - (a.coveragePct ?? -1));
    chart.setOption({
      // Room above the bars for the target's label, so that it never covers an axis label (the category axis is
      // inverted: the line starts at the top).
      grid: { left: 150, right: 24, top: 32, bottom: 24 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toFixed(2).replace('.', ',')}%` },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: sorted.map((p) => p.name), axisLabel: { fontSize: 10 } },
      series: [
        {
          type: 'bar',
          data: sorted.map((p) => ({ value: p.coveragePct ?? 0, itemStyle: { color: coverageColor(p.coveragePct) } })),
          ...(target != null ? { markLine: { symbol: 'none', data: [{ xAxis: target }], lineStyle: { color: '#e8590c', type: 'dashed' }, label: { position: 'start', distance: 6, formatter: targetLabel, color: '#b03d0a' } } } : {}),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [provinces, target, targetLabel]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: Math.max(320, provinces.length * 18) }} />;
}
