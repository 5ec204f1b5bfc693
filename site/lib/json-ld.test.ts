import { describe, expect, it } from 'vitest';
import { breadcrumbs, safeJson } from './json-ld.ts';

describe('safeJson', () => {
  it('cannot close its <script> element or start markup, and still parses to the same data', () => {
    const hostile = { name: '</script><script>alert(1)</script> & <!-- \u2028 \u2029' };
    const out = safeJson(hostile);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(hostile);
  });
});

describe('breadcrumbs', () => {
  it('numbers the trail with absolute URLs', () => {
    const data = breadcrumbs(new URL('https://hall.example'), [{ name: 'Home', path: '/' }, { name: 'Beauty', path: '/pavilions/beauty/' }]);
    expect(data.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://hall.example/' },
      { '@type': 'ListItem', position: 2, name: 'Beauty', item: 'https://hall.example/pavilions/beauty/' },
    ]);
  });
});
