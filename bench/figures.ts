// Benchmarks print their own tables for people; they also hand their key figures to
// `npm run bench` through this: with BENCH_FIGURES set, each figure is appended to that
// file as one JSON line, so one report (and a comparison of two runs) can be made.
import fs from 'node:fs';

export type Figure = { bench: string; figure: string; value: number; unit: string; target?: string };

export function figure(f: Figure): void {
  const file = process.env.BENCH_FIGURES;
  if (!file || !Number.isFinite(f.value)) return;
  fs.appendFileSync(file, `${JSON.stringify(f)}\n`);
}

export function readFigures(file: string): Figure[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Figure);
}
