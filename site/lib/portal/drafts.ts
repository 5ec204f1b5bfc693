// Unsaved product edits kept in the browser (localStorage), one per user, company and product,
// so a reload or a closed tab loses nothing; removed once the product is saved.
// Portal computers are often shared (a trade office, a fair stand): a draft belongs to the
// user who typed it, every draft leaves the browser at sign-out, and signing in as someone
// else removes drafts a previous user left behind (a session that simply expired).
const PREFIX = 'pavilion:portal:draft:';

export const draftKey = (user: string, company: string, product: string | null) =>
  `${PREFIX}${encodeURIComponent(user)}:${company}:${product ?? 'new'}`;

export type Draft<T> = { form: T; savedAt: string };

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;
const store = (): Store | undefined => globalThis.localStorage;

export function readDraft<T>(key: string): Draft<T> | null {
  try {
    const raw = store()?.getItem(key);
    return raw ? (JSON.parse(raw) as Draft<T>) : null;
  } catch {
    return null; // storage off (private mode) or a damaged entry: no draft
  }
}

export function writeDraft<T>(key: string, form: T): void {
  try {
    store()?.setItem(key, JSON.stringify({ form, savedAt: new Date().toISOString() } satisfies Draft<T>));
  } catch {
    // full or disabled storage: the form still works, only without the safety net
  }
}

export function clearDraft(key: string): void {
  try {
    store()?.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** Removes every draft in this browser except the given user's (none kept when no user is given). */
export function clearDrafts(keepUser?: string): void {
  try {
    const s = store();
    if (!s) return;
    const keep = keepUser === undefined ? null : `${PREFIX}${encodeURIComponent(keepUser)}:`;
    const doomed: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (key?.startsWith(PREFIX) && !(keep && key.startsWith(keep))) doomed.push(key);
    }
    for (const key of doomed) s.removeItem(key);
  } catch {
    // storage off: nothing was kept
  }
}
