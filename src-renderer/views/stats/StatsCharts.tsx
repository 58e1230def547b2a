/**
 * The heatmap and the trend chart, drawn with Chart.js (+ its matrix controller for the 7×24 grid). Only the
 * pieces used are registered, and the whole module loads with the statistics screen (React.lazy), never with the desk.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsReport } from '../../../src-main/contract/stats';
import { formatDay } from './statsFormat';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend, MatrixController, MatrixElement);

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
const ACCENT = [15, 118, 110];

function useChart(build: (canvas: HTMLCanvasElement) => Chart, deps: unknown[]) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = build(ref.current);
    return () => chart.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}

/** Incoming contacts by weekday (rows, Monday first) and hour (columns): darker = more. */
export function Heatmap({ report }: { report: StatsReport }) {
  const { t, i18n } = useTranslation('stats');
  const max = Math.max(1, ...report.heatmap.flat());
  const dayNames = WEEKDAYS.map((d) => t(`weekday.${d}`));
  const ref = useChart(
    (canvas) =>
      new Chart(canvas, {
        type: 'matrix',
        data: {
          datasets: [
            {
              label: t('chart.heatmap'),
              data: report.heatmap.flatMap((row, y) => row.map((v, x) => ({ x, y, v }))),
              backgroundColor: (c) => {
                const v = (c.raw as { v: number } | undefined)?.v ?? 0;
                return v === 0 ? '#f1f4f6' : `rgba(${ACCENT.join(',')},${0.15 + 0.85 * (v / max)})`;
              },
              borderWidth: 1,
              borderColor: '#fff',
              width: ({ chart }) => (chart.chartArea ? chart.chartArea.width / 24 - 1 : 10),
              height: ({ chart }) => (chart.chartArea ? chart.chartArea.height / 7 - 1 : 10),
            },
          ],
        },
        options: {
          animation: false,
          maintainAspectRatio: false,
          plugins: {
            legend: { display: false },
            tooltip: {
              callbacks: {
                title: () => '',
                label: (c) => {
                  const r = c.raw as { x: number; y: number; v: number };
                  return `${dayNames[r.y]} ${String(r.x).padStart(2, '0')}:00–${String(r.x + 1).padStart(2, '0')}:00 · ${t('chart.contacts', { count: r.v })}`;
                },
              },
            },
          },
          scales: {
            x: {
              type: 'linear',
              min: -0.5,
              max: 23.5,
              offset: false,
              // Ticks on the cells' centres (whole hours), not on the axis ends at ±0.5.
              afterBuildTicks: (axis) => {
                axis.ticks = Array.from({ length: 12 }, (_, i) => ({ value: i * 2 }));
              },
              ticks: { callback: (v) => String(v).padStart(2, '0') },
              grid: { display: false },
            },
            y: {
              type: 'linear',
              min: -0.5,
              max: 6.5,
              reverse: true,
              offset: false,
              afterBuildTicks: (axis) => {
                axis.ticks = WEEKDAYS.map((value) => ({ value }));
              },
              ticks: { callback: (v) => dayNames[Number(v)] ?? '' },
              grid: { display: false },
            },
          },
        },
      }),
    [report, i18n.language],
  );
  return (
    <div className="chart heatmap" data-testid="chart-heatmap">
      <canvas ref={ref} aria-label={t('chart.heatmap')} role="img" />
    </div>
  );
}

/** Day by day: incoming contacts (bars), missed calls, and the median first-response time (minutes, right axis). */
export function TrendChart({ report }: { report: StatsReport }) {
  const { t, i18n } = useTranslation('stats');
  const ref = useChart(
    (canvas) =>
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: report.daily.map((d) => formatDay(d.date, { day: 'numeric', month: 'short' }, i18n.language)),
          datasets: [
            { type: 'bar', label: t('chart.messagesIn'), data: report.daily.map((d) => d.messagesIn), backgroundColor: '#128c7e', stack: 'in', yAxisID: 'y' },
            { type: 'bar', label: t('chart.callsIn'), data: report.daily.map((d) => d.callsIn), backgroundColor: '#2563eb', stack: 'in', yAxisID: 'y' },
            { type: 'bar', label: t('chart.missedCalls'), data: report.daily.map((d) => d.missedCalls), backgroundColor: '#b42318', yAxisID: 'y' },
            {
              type: 'line',
              label: t('chart.frtMedian'),
              data: report.daily.map((d) => (d.frtMedianMs === null ? null : Math.round(d.frtMedianMs / 60_000))),
              borderColor: '#b45309',
              backgroundColor: '#b45309',
              spanGaps: true,
              yAxisID: 'minutes',
            },
          ],
        },
        options: {
          animation: false,
          maintainAspectRatio: false,
          plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
          scales: {
            x: { stacked: true, grid: { display: false } },
            y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('chart.count') } },
            minutes: { position: 'right', beginAtZero: true, grid: { display: false }, title: { display: true, text: t('chart.minutes') } },
          },
        },
      }),
    [report, i18n.language],
  );
  return (
    <div className="chart trend" data-testid="chart-trend">
      <canvas ref={ref} aria-label={t('chart.trend')} role="img" />
    </div>
  );
}
