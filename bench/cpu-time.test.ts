import { describe, expect, it } from 'vitest';
import { cpuBetween, processCpuMs, snapshot } from './cpu-time.ts';

describe('cpu time', () => {
  it('counts this process burning CPU, and a process first seen later in full', () => {
    const before = snapshot([process.pid]);
    // Burn 300 ms of CPU by Node's own account (not wall time: the machine may be busy).
    const start = process.cpuUsage();
    let x = 0;
    while (process.cpuUsage(start).user < 300_000) for (let i = 0; i < 1e5; i++) x += Math.sqrt(x + 1);
    const after = snapshot([process.pid]);
    expect(x).toBeGreaterThan(0);
    expect(cpuBetween(before, after)).toBeGreaterThan(200);
    expect(cpuBetween(new Map(), new Map([[1, 40]]))).toBe(40);
  });

  it('gives nothing for a process that does not exist', () => {
    expect(processCpuMs(2 ** 30)).toBeUndefined();
    expect(snapshot([2 ** 30]).size).toBe(0);
  });
});
