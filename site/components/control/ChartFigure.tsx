// One chart of the statistics screen: a Chart.js bar chart for the eye, the same numbers as
// a table for screen readers and for reading exactly, and a CSV download of them.
import { useEffect, useId, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { toCsv } from '../../lib/control/csv.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export type Series = { label: string; values: number[]; format?: (n: number) => string };

export function ChartFigure(props: {
  title: string; slug: string; labels: string[]; series: Series[]; horizontal?: boolean; range: string; empty?: string;
}) {
  const { title, slug, labels, series, horizontal = false, range, empty = 'Nothing in this range.' } = props;
  const id = useId();
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!canvas.current || labels.length === 0) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: series.slice(0, 1).map((s) => ({ label: s.label, data: s.values, backgroundColor: '#0b5cad' })) },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        maintainAspectRatio: false,
        animation: false,
        plugins: { tooltip: { enabled: true } },
        scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [labels, series, horizontal]);

  function download() {
    const csv = toCsv([title, ...series.map((s) => s.label)], labels.map((l, i) => [l, ...series.map((s) => s.values[i] ?? null)]));
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `pavilion-${slug}-${range}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const first = series[0];
  const summary = first && labels.length
    ? `${title}: ${labels.slice(0, 8).map((l, i) => `${l} ${first.format ? first.format(first.values[i] ?? 0) : first.values[i]}`).join(', ')}${labels.length > 8 ? ', and more in the table below' : ''}.`
    : `${title}: ${empty}`;
  const tall = horizontal ? `chart tall-${Math.min(4, Math.ceil(labels.length / 6))}` : 'chart';
  return (
    <figure className="card stat-figure" aria-labelledby={`${id}-cap`} data-chart={slug}>
      <figcaption id={`${id}-cap`}><h3>{title}</h3></figcaption>
      {labels.length === 0 ? <p className="muted">{empty}</p> : (
        <>
          <div className={tall}><canvas ref={canvas} role="img" aria-label={summary} /></div>
          <details>
            <summary>The numbers</summary>
            <table className="list-table">
              <caption className="visually-hidden">{title}</caption>
              <thead><tr><th scope="col">{horizontal ? 'Name' : 'When'}</th>{series.map((s) => <th scope="col" key={s.label}>{s.label}</th>)}</tr></thead>
              <tbody>
                {labels.map((l, i) => (
                  <tr key={l}><th scope="row">{l}</th>{series.map((s) => <td key={s.label}>{s.format ? s.format(s.values[i] ?? 0) : s.values[i]}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
      <p><button type="button" className="secondary" onClick={download} disabled={labels.length === 0}>Download CSV<span className="visually-hidden"> of {title.toLowerCase()}</span></button></p>
    </figure>
  );
}
