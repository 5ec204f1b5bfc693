// Unsaved product edits kept in the browser (localStorage), one per company and product, so
// a reload or a closed tab loses nothing; removed once the product is saved.
const PREFIX = 'pavilion:portal:draft';

export const draftKey = (company: string, product: string | null) => `${PREFIX}:${company}:${product ?? 'new'}`;

export type Draft<T> = { form: T; savedAt: string };

export function readDraft<T>(key: string): Draft<T> | null {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    return raw ? (JSON.parse(raw) as Draft<T>) : null;
  } catch {
    return null; // storage off (private mode) or a damaged entry: no draft
  }
}

export function writeDraft<T>(key: string, form: T): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify({ form, savedAt: new Date().toISOString() } satisfies Draft<T>));
  } catch {
    // full or disabled storage: the form still works, only without the safety net
  }
}

export function clearDraft(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    // nothing to clear
  }
}
