// The one benchmark report's Markdown: the machine, then every figure in one table, next to
// an earlier run's where one is given. Pure, so its layout is tested.
import type { Figure } from './figures.ts';

export type Machine = Record<string, string>;
export type Run = { bench: string; seconds: number; ok: boolean; note?: string };

const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en') : Number(n.toPrecision(3)).toString());
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderReport(o: { date: string; machine: Machine; runs: Run[]; figures: Figure[]; previous?: { date: string; figures: Figure[] } }): string {
  const lines = [`# Pavilion benchmark report, ${o.date}`, '', '| machine | |', '| --- | --- |'];
  for (const [k, v] of Object.entries(o.machine)) lines.push(`| ${cell(k)} | ${cell(v)} |`);
  lines.push('', '| benchmark | ran | wall time |', '| --- | --- | ---: |');
  for (const r of o.runs) lines.push(`| ${r.bench} | ${r.ok ? 'ok' : `FAILED${r.note ? ` (${cell(r.note)})` : ''}`} | ${r.seconds.toFixed(0)} s |`);
  const before = new Map((o.previous?.figures ?? []).map((f) => [`${f.bench}\u0000${f.figure}`, f]));
  const compare = o.previous !== undefined;
  lines.push('', `| benchmark | figure | value | unit | target |${compare ? ` ${cell(o.previous!.date)} | change |` : ''}`,
    `| --- | --- | ---: | --- | --- |${compare ? ' ---: | ---: |' : ''}`);
  for (const f of o.figures) {
    let extra = '';
    if (compare) {
      const p = before.get(`${f.bench}\u0000${f.figure}`);
      extra = p ? ` ${fmt(p.value)} | ${p.value === 0 ? '' : `${f.value >= p.value ? '+' : ''}${(((f.value - p.value) / p.value) * 100).toFixed(1)} %`} |` : ' | |';
    }
    lines.push(`| ${cell(f.bench)} | ${cell(f.figure)} | ${fmt(f.value)} | ${cell(f.unit)} | ${cell(f.target ?? '')} |${extra}`);
  }
  return `${lines.join('\n')}\n`;
}
