// Free text as people type it, for every schema that takes some: trimmed, bounded, tabs and
// line breaks allowed, other control characters refused (a NUL would reach PostgreSQL, which
// cannot store it, as a 500). Plain zod, so browser islands import it too.
import { z } from 'zod';

// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Half of a UTF-16 surrogate pair on its own: no character. Stored in a jsonb column it is a 500 (PostgreSQL refuses the \ud800 escape). */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const plainText = (max: number, tooLong?: string) =>
  z.string().trim().max(max, tooLong)
    .refine((s) => !CONTROL_CHARACTERS.test(s), 'Contains control characters')
    .refine((s) => !LONE_SURROGATE.test(s), 'Contains an invalid character');
