import { describe, expect, it } from 'vitest';
import { websiteLink } from './website.ts';

describe('websiteLink', () => {
  it.each([
    ['https://hanbit.example.com', { href: 'https://hanbit.example.com/', label: 'hanbit.example.com' }],
    ['http://www.mirae.co.kr/en/', { href: 'http://www.mirae.co.kr/en/', label: 'www.mirae.co.kr/en' }],
    ['  https://Example.COM/About  ', { href: 'https://example.com/About', label: 'example.com/About' }],
    // Markup in an address is percent-encoded in the href; the label is escaped where it is shown.
    ['https://evil.example/"><img src=x onerror=alert(1)>', { href: 'https://evil.example/%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E', label: 'evil.example/%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E' }],
  ])('links %s', (raw, link) => {
    expect(websiteLink(raw)).toEqual(link);
  });

  it.each([null, '', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://files.example', 'not a url', 'https://user:secret@example.com/'])(
    'gives no link for %s', (raw) => {
      expect(websiteLink(raw)).toBeNull();
    },
  );

  it('shortens a long address for the label, not for the link', () => {
    const long = `https://example.com/${'a'.repeat(100)}`;
    const link = websiteLink(long)!;
    expect(link.href).toBe(long);
    expect(link.label).toHaveLength(60);
    expect(link.label.endsWith('…')).toBe(true);
  });
});
