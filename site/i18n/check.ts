// Checks one locale's messages against the English reference: the same keys, no empty
// text, the same placeholders, and plural messages with exactly the forms the locale's
// grammar uses (CLDR: Russian one/few/many/other, English one/other, Korean other only).
import { placeholders, type Message, type Messages } from './format.ts';
import { intlTag, type Locale } from './locales.ts';

const sameSet = (a: string[], b: string[]) => {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

const forms = (m: Message): [string, string][] => (typeof m === 'string' ? [['', m]] : Object.entries(m));

export function messageProblems(reference: Messages, candidate: Messages, locale: Locale): string[] {
  const problems: string[] = [];
  const categories = new Intl.PluralRules(intlTag(locale)).resolvedOptions().pluralCategories as string[];
  for (const key of Object.keys(reference)) {
    if (!(key in candidate)) problems.push(`${locale}: missing key "${key}"`);
  }
  for (const [key, message] of Object.entries(candidate)) {
    const ref = reference[key];
    if (ref === undefined) {
      problems.push(`${locale}: extra key "${key}" (not in en.json)`);
      continue;
    }
    if (typeof message !== typeof ref || message === null) {
      problems.push(`${locale}: "${key}" must be ${typeof ref === 'string' ? 'a string' : 'an object of plural forms'}`);
      continue;
    }
    if (typeof message === 'object') {
      const got = Object.keys(message);
      if (!sameSet(got, categories)) problems.push(`${locale}: "${key}" has plural forms [${got.join(', ')}], the language needs [${categories.join(', ')}]`);
    }
    const expected = placeholders(typeof ref === 'string' ? ref : (ref.other ?? ''));
    for (const [form, text] of forms(message)) {
      const where = form ? `"${key}" (${form})` : `"${key}"`;
      if (typeof text !== 'string' || text.trim() === '') {
        problems.push(`${locale}: ${where} is empty`);
        continue;
      }
      const got = placeholders(text);
      if (!sameSet(got, expected)) problems.push(`${locale}: ${where} has placeholders {${got.join('}, {')}}, en has {${expected.join('}, {')}}`);
    }
  }
  return problems;
}
