import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addressesIn, sweepFolder } from './personal-data.ts';

const known = new Set(['jane@acme.test', 'buyer7@load.test']);
let dir = '';
afterEach(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

describe('the personal-data sweep', () => {
  it('finds known addresses in any case and percent-encoded, and nobody else\'s', () => {
    expect(addressesIn('mail Jane@ACME.test now', known)).toEqual(['jane@acme.test']);
    expect(addressesIn('/manage?who=buyer7%40load.test', known)).toEqual(['buyer7@load.test']);
    expect(addressesIn('meetings@pavilion.localhost and jane@acme.testing', known)).toEqual([]);
  });

  it('walks every file but the folders it is told to skip', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-sweep-'));
    fs.mkdirSync(path.join(dir, 'site/products/kettle'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'outbox'));
    fs.writeFileSync(path.join(dir, 'site/products/kettle/index.html'), '<p>Ask jane@acme.test</p>');
    fs.writeFileSync(path.join(dir, 'site/index.html'), '<p>Welcome</p>');
    fs.writeFileSync(path.join(dir, 'outbox/1.eml'), 'To: jane@acme.test');
    fs.writeFileSync(path.join(dir, 'hall.log'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(' booked buyer7@load.test')]));
    expect(sweepFolder(dir, known, ['outbox']).sort()).toEqual(['hall.log: buyer7@load.test', 'site/products/kettle/index.html: jane@acme.test']);
  });
});
