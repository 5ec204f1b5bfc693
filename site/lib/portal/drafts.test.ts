import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, clearDrafts, draftKey, readDraft, writeDraft } from './drafts.ts';

// A Map-backed stand-in for the browser's localStorage (the tests run in Node).
class MemoryStorage {
  #items = new Map<string, string>();
  get length() { return this.#items.size; }
  key(i: number) { return [...this.#items.keys()][i] ?? null; }
  getItem(k: string) { return this.#items.get(k) ?? null; }
  setItem(k: string, v: string) { this.#items.set(k, String(v)); }
  removeItem(k: string) { this.#items.delete(k); }
  keys() { return [...this.#items.keys()]; }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
});
afterEach(() => { Reflect.deleteProperty(globalThis, 'localStorage'); });

describe('product drafts in the browser', () => {
  it('keeps a draft per user, company and product', () => {
    writeDraft(draftKey('u1', 'acme', null), { name: 'kettle' });
    writeDraft(draftKey('u2', 'acme', null), { name: 'teapot' });
    expect(readDraft(draftKey('u1', 'acme', null))?.form).toEqual({ name: 'kettle' });
    expect(readDraft(draftKey('u2', 'acme', null))?.form).toEqual({ name: 'teapot' });
    expect(readDraft(draftKey('u1', 'acme', 'kettle-1'))).toBeNull();
    clearDraft(draftKey('u1', 'acme', null));
    expect(readDraft(draftKey('u1', 'acme', null))).toBeNull();
  });

  it('a user id cannot reach into another user\'s drafts by its shape', () => {
    // "u1:acme" as a user must not share keys with user "u1" of company "acme:…"
    expect(draftKey('u1:acme', 'x', null)).not.toBe(draftKey('u1', 'acme:x', null));
  });

  it('sign-out removes every draft and nothing else', () => {
    writeDraft(draftKey('u1', 'acme', null), { a: 1 });
    writeDraft(draftKey('u1', 'acme', 'p'), { a: 2 });
    writeDraft(draftKey('u2', 'other', null), { a: 3 });
    storage.setItem('pavilion:portal:join', 'token');
    clearDrafts();
    expect(storage.keys()).toEqual(['pavilion:portal:join']);
  });

  it('signing in removes the drafts other users left, keeping one\'s own', () => {
    writeDraft(draftKey('u1', 'acme', null), { a: 1 });
    writeDraft(draftKey('u10', 'acme', null), { a: 2 });
    writeDraft(draftKey('u2', 'acme', 'p'), { a: 3 });
    clearDrafts('u1');
    expect(storage.keys()).toEqual([draftKey('u1', 'acme', null)]);
  });

  it('a damaged entry reads as no draft', () => {
    storage.setItem(draftKey('u1', 'acme', null), '{not json');
    expect(readDraft(draftKey('u1', 'acme', null))).toBeNull();
  });
});
