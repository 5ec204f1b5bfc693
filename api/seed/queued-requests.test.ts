import { describe, expect, it } from 'vitest';
import { generateCatalogue } from './generate.ts';
import { generateQueuedRequests } from './queued-requests.ts';

describe('demo queued requests', () => {
  const catalogue = generateCatalogue();
  const requests = generateQueuedRequests(catalogue);

  it('are a handful from buyers of several countries and languages, some needing an interpreter', () => {
    expect(requests.length).toBeGreaterThanOrEqual(12);
    expect(requests.length).toBeLessThanOrEqual(20);
    expect(new Set(requests.map((r) => r.buyer.country)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(requests.map((r) => r.buyer.language.split('-')[0])).size).toBeGreaterThanOrEqual(6);
    expect(requests.some((r) => r.interpreter === 'required')).toBe(true);
    const speaks = new Map(catalogue.companies.map((c) => [c.slug, c.languages]));
    const needInterpreter = requests.filter((r) => r.interpreter !== 'none' && !speaks.get(r.companySlug)!.includes(r.buyer.language.split('-')[0]!));
    expect(needInterpreter.length).toBeGreaterThanOrEqual(4);
    expect(new Set(requests.map((r) => r.companySlug)).size).toBeGreaterThanOrEqual(10);
  });

  it('are the same every time, oldest first, never for the demo owner\'s company, on reserved e-mail domains', () => {
    expect(generateQueuedRequests(generateCatalogue())).toEqual(requests);
    const ages = requests.map((r) => r.ageMinutes);
    expect(ages).toEqual([...ages].sort((a, b) => b - a));
    expect(requests.map((r) => r.companySlug)).not.toContain(catalogue.companies[0]!.slug);
    for (const r of requests) expect(r.buyer.email).toMatch(/^[a-z.]+@[a-z-]+\.example$/);
  });

  it('are none when there is no other company with products', () => {
    expect(generateQueuedRequests(generateCatalogue({ companies: 1, products: 5 }))).toEqual([]);
  });
});
