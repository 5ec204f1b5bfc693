// Validation as you type with the API's own zod schema: every change is parsed again, and a
// field shows its message once it has been changed (or after a save attempt). Errors the
// API sends back sit under their fields until that field changes.
import { useCallback, useState } from 'react';
import type { ZodType } from 'zod';
import type { FieldErrors } from '../../lib/portal/api.ts';
import { issuesToErrors, translateApiErrors, type Issue } from '../../lib/portal/validation.ts';
import { usePortal } from './context.ts';

export function useValidation<T>(schema: ZodType<T>, input: unknown, fold: (path: string) => string = (p) => p, extraIssues: readonly Issue[] = []) {
  const { t } = usePortal();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [server, setServer] = useState<FieldErrors>({});
  const result = schema.safeParse(input);
  // Extra issues: rules zod only checks once the rest is valid, checked on their own (see callers).
  const all: FieldErrors = { ...issuesToErrors(t, extraIssues, fold), ...(result.success ? {} : issuesToErrors(t, result.error.issues as unknown as Issue[], fold)) };

  const touch = useCallback((path: string) => {
    setTouched((s) => (s.has(path) ? s : new Set(s).add(path)));
    setServer((e) => {
      if (!(path in e)) return e;
      const { [path]: _, ...rest } = e;
      return rest;
    });
  }, []);

  return {
    // Extra issues count too: some (a pavilion's required category) are rules the schema cannot see.
    valid: result.success && extraIssues.length === 0,
    data: result.success ? result.data : undefined,
    /** Every current problem, shown or not (for the summary after a save attempt). */
    all: { ...all, ...server },
    errorFor: (path: string): string | undefined => server[path] ?? (showAll || touched.has(path) ? all[path] : undefined),
    touch,
    /** True after a save attempt: every field shows its message. */
    revealed: showAll,
    revealAll: () => setShowAll(true),
    reset: () => { setShowAll(false); setTouched(new Set()); setServer({}); },
    setServerErrors: (errors: FieldErrors) => setServer(translateApiErrors(t, errors, fold)),
  };
}
