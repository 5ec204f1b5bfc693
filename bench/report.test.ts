import { describe, expect, it } from 'vitest';
import { renderReport } from './report.ts';

const figures = [
  { bench: 'booking', figure: 'uncontended throughput', value: 113.4, unit: 'bookings/s', target: '>= 2,000' },
  { bench: 'pages', figure: 'product page before islands', value: 6.1234, unit: 'KB brotli', target: '< 50' },
];

describe('the benchmark report', () => {
  it('names the machine, each benchmark run and every figure in one table', () => {
    const md = renderReport({ date: '2026-12-02', machine: { cores: '2', 'CPU': 'Xeon | 2.2 GHz' }, runs: [{ bench: 'booking', seconds: 61.2, ok: true }, { bench: 'search', seconds: 3, ok: false, note: 'exit 1' }], figures });
    expect(md).toContain('| cores | 2 |');
    expect(md).toContain('| CPU | Xeon \\| 2.2 GHz |');
    expect(md).toContain('| search | FAILED (exit 1) | 3 s |');
    expect(md).toContain('| booking | uncontended throughput | 113 | bookings/s | >= 2,000 |');
    expect(md).toContain('| pages | product page before islands | 6.12 | KB brotli | < 50 |');
  });

  it('sets an earlier run beside each figure with the change', () => {
    const md = renderReport({ date: 'now', machine: {}, runs: [], figures, previous: { date: 'before', figures: [{ ...figures[0]!, value: 100 }] } });
    expect(md).toContain('| benchmark | figure | value | unit | target | before | change |');
    expect(md).toContain('| booking | uncontended throughput | 113 | bookings/s | >= 2,000 | 100 | +13.4 % |');
    expect(md).toContain('| pages | product page before islands | 6.12 | KB brotli | < 50 | | |');
  });
});
