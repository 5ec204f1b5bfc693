// `node bench/images.ts [runs]`: time to make one uploaded 3000 × 2000 photo web-ready (AVIF and
// WebP at every width plus the JPEG fallback), and the bytes of each variant. Prints Markdown.
import os from 'node:os';
import sharp from 'sharp';
import { processImage, type ProcessedVariant } from '../api/images/process.ts';
import { photoLike } from '../api/images/test-images.ts';
import { figure } from './figures.ts';

const runs = Number(process.argv[2] ?? 5);
const say = (line: string) => process.stdout.write(`${line}\n`);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const input = await photoLike(3000, 2000).jpeg({ quality: 90 }).toBuffer();
say(`Input: 3000 × 2000 JPEG (quality 90), ${kb(input.length)}; ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}; sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, libvips threads per pipeline ${sharp.concurrency()}, UV_THREADPOOL_SIZE ${process.env.UV_THREADPOOL_SIZE ?? '4 (default)'}`);

await processImage(input); // warm-up: loads the codecs
const times: number[] = [];
let variants: ProcessedVariant[] = [];
const cpuBefore = process.cpuUsage(); // user + system over all threads: what one upload costs the machine
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const result = await processImage(input);
  times.push(performance.now() - started);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  variants = result.variants;
}
const cpu = process.cpuUsage(cpuBefore);
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
figure({ bench: 'images', figure: 'one 3000×2000 JPEG upload, all variants (median)', value: median, unit: 'ms' });
figure({ bench: 'images', figure: 'CPU time per upload', value: (cpu.user + cpu.system) / 1000 / runs, unit: 'ms' });
say(`\nTime per image over ${runs} runs: median ${median.toFixed(0)} ms, fastest ${times[0]!.toFixed(0)} ms, slowest ${times[times.length - 1]!.toFixed(0)} ms; CPU time ${((cpu.user + cpu.system) / 1000 / runs).toFixed(0)} ms per image\n`);

say('| Width | Height | AVIF | WebP | JPEG |');
say('|---:|---:|---:|---:|---:|');
for (const width of [...new Set(variants.map((v) => v.width))]) {
  const cell = (format: string) => {
    const v = variants.find((x) => x.width === width && x.format === format);
    return v ? kb(v.bytes) : '';
  };
  const height = variants.find((v) => v.width === width)!.height;
  say(`| ${width} | ${height} | ${cell('avif')} | ${cell('webp')} | ${cell('jpeg')} |`);
}
say(`\nAll variants together: ${kb(variants.reduce((sum, v) => sum + v.bytes, 0))}`);
