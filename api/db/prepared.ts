// Statements a booking runs on every request are marked to be prepared once per connection
// (see database.ts): PostgreSQL spent longer parsing and planning them than running them.
import { sql, type RawBuilder } from 'kysely';

export const PREPARED = /^(?:select )?\/\*prepared:([\w-]+)\*\//;

/** Put first in a statement whose text never varies (only its parameters): `${prepared('name')} select ...`,
 * or `.modifyFront(prepared('name'))` on a Kysely select. */
export const prepared = (name: string): RawBuilder<unknown> => sql.raw(`/*prepared:${name}*/`);
