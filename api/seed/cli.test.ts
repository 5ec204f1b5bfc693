import { describe, expect, it } from 'vitest';
import { UsageError, parseCliArgs } from './cli.ts';
import { createProgressReporter, formatProgress } from './progress.ts';

describe('parseCliArgs', () => {
  it('defaults companies to the larger of 200 and products / 10', () => {
    expect(parseCliArgs([])).toEqual({ products: 2000, companies: 200, seed: 1, reset: false, help: false });
    expect(parseCliArgs(['--products', '100000'])).toMatchObject({ products: 100000, companies: 10000 });
    expect(parseCliArgs(['--products=500', '--companies', '7', '--seed', '42', '--reset']))
      .toEqual({ products: 500, companies: 7, seed: 42, reset: true, help: false });
  });

  it('rejects bad arguments with a usage error', () => {
    for (const argv of [['--products', 'abc'], ['--products', '-5'], ['--seed', '1.5'], ['--companies', '0'], ['--bogus'], ['extra'], ['--products']]) {
      expect(() => parseCliArgs(argv)).toThrow(UsageError);
    }
  });
});

describe('progress', () => {
  it('formats a bar with counts and rate', () => {
    expect(formatProgress(40000, 100000, 'products', 1234.4, 10)).toBe('[####......]  40% 40000/100000 products  1234/s');
  });

  it('prints a line per 10% when not on a terminal, and redraws in place on one', () => {
    let clock = 0;
    const lines: string[] = [];
    const log = createProgressReporter({ isTTY: false, write: (s) => lines.push(s) }, 'products', () => clock);
    for (let done = 0; done <= 1000; done += 50) {
      clock += 100;
      log.update(done, 1000);
    }
    log.finish();
    expect(lines).toHaveLength(11);
    expect(lines.every((l) => l.endsWith('\n'))).toBe(true);

    const tty: string[] = [];
    const bar = createProgressReporter({ isTTY: true, write: (s) => tty.push(s) }, 'products', () => clock);
    bar.update(1, 2);
    bar.update(2, 2);
    bar.finish();
    expect(tty.slice(0, 2).every((s) => s.startsWith('\r'))).toBe(true);
    expect(tty.at(-1)).toBe('\n');
  });
});
