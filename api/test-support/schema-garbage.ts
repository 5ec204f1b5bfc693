// Garbage derived from a route's request schemas (as JSON Schema, from z.toJSONSchema): a
// plausible valid value to start from, and fast-check arbitraries for values that break the
// schema one place at a time (wrong types, out-of-range and huge numbers, over-long strings,
// impossible dates and time zones, missing or extra properties).
import fc from 'fast-check';
import { z } from 'zod';

export type Schema = Record<string, any>;
type Path = (string | number)[];

/** Number text JSON.parse cannot keep (1e309 is Infinity), sent as written. */
export class Raw {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

export const toJsonText = (v: unknown): string =>
  v instanceof Raw ? v.text
    : Array.isArray(v) ? `[${v.map(toJsonText).join(',')}]`
      : v && typeof v === 'object' ? `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${toJsonText(x)}`).join(',')}}`
        : JSON.stringify(v) ?? 'null';

/** A value as query or form text. */
export const toText = (v: unknown): string => (v instanceof Raw ? v.text : typeof v === 'string' ? v : toJsonText(v));

/** The JSON Schema a request accepts (its input side), $refs inlined. */
export function jsonSchemaOf(schema: unknown): Schema {
  const js = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any', reused: 'inline', cycles: 'throw' }) as Schema;
  const defs = (js.$defs ?? {}) as Record<string, Schema>;
  const inline = (s: any): any => {
    if (Array.isArray(s)) return s.map(inline);
    if (!s || typeof s !== 'object') return s;
    if (typeof s.$ref === 'string') return inline(defs[s.$ref.split('/').pop()!] ?? {});
    return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, inline(v)]));
  };
  return inline(js);
}

const options = (s: Schema): Schema[] => (s.anyOf ?? s.oneOf ?? []) as Schema[];
const typeOf = (s: Schema): string | undefined => (Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type) ?? (s.properties ? 'object' : undefined);
const looksLike = (key: string | number | undefined) => {
  const k = String(key ?? '');
  return {
    zone: /time ?zone|^tz$/i.test(k),
    day: /^(date|from|to|week|day)$|Date$/i.test(k),
    instant: /^(start|end|at)$|At$|Time$/i.test(k) && !/zone/i.test(k),
  };
};

/** A plausible valid value (checked by the caller against the real schema). */
export function exampleOf(s: Schema, key?: string | number): unknown {
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  if (s.allOf) return Object.assign({}, ...s.allOf.map((x: Schema) => exampleOf(x, key)));
  const opts = options(s);
  if (opts.length) return exampleOf(opts.find((o) => o.type !== 'null') ?? opts[0]!, key);
  const hint = looksLike(key);
  switch (typeOf(s)) {
    case 'object': return Object.fromEntries(Object.entries((s.properties ?? {}) as Record<string, Schema>).map(([k, v]) => [k, exampleOf(v, k)]));
    case 'array': return Array.from({ length: s.minItems ?? 0 }, () => exampleOf(s.items ?? {}));
    case 'boolean': return true;
    case 'integer':
    case 'number': return Math.min(Math.max(1, s.minimum ?? (s.exclusiveMinimum ?? 0) + 1), s.maximum ?? Infinity);
    case 'string': {
      if (s.format === 'date-time') return '2026-12-07T01:00:00Z';
      if (s.format === 'date') return '2026-12-07';
      if (s.format === 'email') return 'fuzz@example.com';
      if (hint.zone) return 'Asia/Seoul';
      if (s.pattern) {
        const fit = fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length >= (s.minLength ?? 1) && x.length <= (s.maxLength ?? 60));
        return fc.sample(fit, { seed: 7, numRuns: 1 })[0];
      }
      return 'fuzz'.padEnd(s.minLength ?? 0, 'z').slice(0, s.maxLength ?? 100);
    }
    default: return 'x';
  }
}

const nastyText = fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\uD800', '\u202Eevil', '<script>alert(1)</script>', '../../etc/passwd', '%00', 'null',
  'DROP TABLE users;--', '\u{1F600}'.repeat(40), 'ﷺ'.repeat(50), '9'.repeat(400), 'NaN', '-0', '1e309');
const badDays = fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '0000-01-01', '9999-12-31', '+275760-09-13', '-000001-01-01', '2026-1-1', '20261207', '2026-W50', '2026-12-07T00:00:00Z', 'tomorrow');
const badInstants = fc.constantFrom('2026-02-30T10:00:00Z', '2026-12-07T25:61:00Z', '2026-12-07T24:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59-23:59',
  '+275760-09-13T00:00:00Z', '2026-12-07T01:00:00', '2026-12-07 01:00:00Z', '2026-12-07T01:00:00.1234567890123Z', '1970-01-01T00:00:00+99:99', 'now');
const badZones = fc.constantFrom('Mars/Olympus', 'UTC+25', 'Etc/GMT+15', 'America/New_York\u0000', '../../etc/localtime', 'asia/seoul ', 'a'.repeat(65), 'Asia/Seoul/Gangnam', '+09:00', 'EST5EDT,M3.2.0');
const hugeNumbers = fc.constantFrom(new Raw('1e309'), new Raw('-1e309'), new Raw('1e-400'), new Raw('123456789012345678901234567890'), new Raw('-0'), new Raw('1.00000000000000000001'),
  Number.MAX_SAFE_INTEGER + 2, -Number.MAX_VALUE, 2 ** 31, -(2 ** 31) - 1, 2 ** 63);
const wrongType = fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, '', 'x', [], {}, [[[]]], { a: { b: {} } }, new Raw('1e309'));

/** Values that break `s` (the value at `key`), by what kind of value it wants. */
export function breaking(s: Schema, key?: string | number): fc.Arbitrary<unknown> {
  const hint = looksLike(key);
  const arbs: fc.Arbitrary<unknown>[] = [wrongType, fc.jsonValue({ maxDepth: 2 })];
  const t = typeOf(s);
  if (Array.isArray(s.enum)) arbs.push(fc.constantFrom('', 'X', `${s.enum[0]}`.toUpperCase(), ` ${s.enum[0]}`, `${s.enum[0]}\u0000`));
  if (t === 'string' || hint.zone || hint.day || hint.instant) {
    arbs.push(nastyText, fc.string({ unit: 'binary', maxLength: 30 }), hugeNumbers);
    arbs.push(fc.constant('x'.repeat((s.maxLength ?? 2000) + 1)), fc.constant('y'.repeat(60_000)));
    if (s.minLength) arbs.push(fc.constant('z'.repeat(s.minLength - 1)));
    if (s.format === 'date' || hint.day) arbs.push(badDays);
    if (s.format === 'date-time' || hint.instant) arbs.push(badInstants);
    if (hint.zone) arbs.push(badZones);
    if (s.format === 'email') arbs.push(fc.constantFrom('@', 'a@', '@b', 'a b@c.d', `${'a'.repeat(250)}@x.io`, 'a@b@c', 'a@[127.0.0.1]'));
  }
  if (t === 'integer' || t === 'number') {
    arbs.push(hugeNumbers, fc.double(), fc.constantFrom(0.5, -0.5, '1', '0x10'));
    if (s.minimum !== undefined) arbs.push(fc.constant(s.minimum - 1));
    if (s.maximum !== undefined) arbs.push(fc.constant(s.maximum + 1), fc.constant(s.maximum * 1e6));
  }
  if (t === 'boolean') arbs.push(fc.constantFrom('true', 1, 0, 'yes'));
  if (t === 'array') {
    const item = exampleOf(s.items ?? {});
    arbs.push(fc.constant(Array.from({ length: (s.maxItems ?? 1000) + 1 }, () => item)), fc.constant(Array(5000).fill(1)), fc.array(breaking(s.items ?? {}), { minLength: 1, maxLength: 3 }));
  }
  if (t === 'object') arbs.push(fc.constantFrom({}, { __proto__: null, constructor: { prototype: { admin: true } } }, JSON.parse('{"__proto__":{"admin":true}}')));
  return fc.oneof(...arbs);
}

/** Every place in `value` that `s` describes, with the sub-schema there (objects and arrays walked together). */
function places(s: Schema, value: unknown, at: Path = []): { at: Path; s: Schema; required: boolean }[] {
  const here = { at, s, required: true };
  const opts = options(s);
  if (opts.length) return [here, ...places(opts.find((o) => o.type !== 'null') ?? opts[0]!, value, at).slice(1)];
  if (typeOf(s) === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const props = (s.properties ?? {}) as Record<string, Schema>;
    const req = new Set<string>(s.required ?? []);
    return [here, ...Object.entries(props).flatMap(([k, sub]) => places(sub, (value as any)[k], [...at, k]).map((p, i) => (i === 0 ? { ...p, required: req.has(k) } : p)))];
  }
  if (typeOf(s) === 'array' && Array.isArray(value) && s.items) {
    return [here, ...places(s.items, value[0] ?? exampleOf(s.items), [...at, 0])];
  }
  return [here];
}

function setAt(base: unknown, at: Path, value: unknown, drop = false): unknown {
  if (at.length === 0) return value;
  const copy = structuredClone(base) as any;
  let o = copy;
  // An optional object the base leaves out is made, to hold the spoiled value.
  for (const k of at.slice(0, -1)) o = o[k] && typeof o[k] === 'object' ? o[k] : (o[k] = {});
  if (drop) delete o[at.at(-1)!];
  else o[at.at(-1)!] = value;
  return copy;
}

/**
 * A valid `base` with one thing wrong: one value replaced by one that breaks its schema, a
 * required property left out, or an unknown one added; sometimes garbage in place of the whole.
 */
export function spoiled(s: Schema, base: unknown): fc.Arbitrary<unknown> {
  const all = places(s, base);
  const required = all.filter((p) => p.required && p.at.length > 0);
  const kinds: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(...all).chain((p) => breaking(p.s, p.at.at(-1)).map((v) => setAt(base, p.at, v))),
    fc.jsonValue({ maxDepth: 3 }),
  ];
  if (required.length) kinds.push(fc.constantFrom(...required).map((p) => setAt(base, p.at, undefined, true)));
  if (base && typeof base === 'object' && !Array.isArray(base)) kinds.push(fc.tuple(fc.string({ maxLength: 12 }), breaking({})).map(([k, v]) => ({ ...(base as object), [`x-${k}`]: v })));
  return fc.oneof({ weight: 6, arbitrary: kinds[0]! }, ...kinds.slice(1));
}
