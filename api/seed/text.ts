// Small, locale-independent text helpers for generated data. Number formatting is done by
// hand rather than with Intl so output never depends on the ICU version.

/** lowercase-hyphen, matching the schema's slug CHECK: ^[a-z0-9]+(-[a-z0-9]+)*$ */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const SMALL_WORDS = new Set(['a', 'an', 'and', 'for', 'of', 'or', 'the', 'to', 'with', 'in']);

/** Title Case for English product names; leaves acronyms and units (kV, SPF50+) alone. */
export function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word, i) =>
      word
        .split('-')
        .map((part) => (i > 0 && SMALL_WORDS.has(part) ? part : part.replace(/^([^\p{L}\p{N}]*)(.)/u, (_, lead: string, first: string) => lead + first.toUpperCase())))
        .join('-'),
    )
    .join(' ');
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** 1234567 -> "1,234,567" */
export function formatInteger(n: number): string {
  const digits = String(Math.round(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

/** Prices: cents below 100 USD, whole dollars above; `like` keeps a range in one style. */
export function formatPrice(n: number, like: number = n): string {
  if (like >= 100) return formatInteger(n);
  const [whole, fraction] = n.toFixed(2).split('.');
  return `${formatInteger(Number(whole))}.${fraction}`;
}

/** "a", "a and b", "a, b and c" */
export function joinEnglish(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
