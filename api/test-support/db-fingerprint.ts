// One digest per table of every row and column, to show a refused request changed nothing.
// Leaves out what a request may touch without changing anything the hall knows (the caller
// says which, and why): counters and timestamps, not data.
import { sql, type Kysely } from 'kysely';

export type Skip = { tables?: string[]; columns?: Record<string, string[]> };
export type Fingerprint = { t: string; n: string; h: string }[];

/** A function returning the fingerprint of every table in `public` (migration bookkeeping aside). */
export function databaseFingerprint(db: Kysely<any>, skip: Skip = {}): () => Promise<Fingerprint> {
  let query: ReturnType<typeof sql<{ t: string; n: string; h: string }>> | undefined;
  return async () => {
    if (!query) {
      const columns = (await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns
        where table_schema = 'public' and table_name in (select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE')
          and table_name not like 'kysely_%' order by table_name, ordinal_position`.execute(db)).rows;
      const byTable = new Map<string, string[]>();
      for (const { t, c } of columns) {
        if (skip.tables?.includes(t) || skip.columns?.[t]?.includes(c)) continue;
        byTable.set(t, [...(byTable.get(t) ?? []), c]);
      }
      const parts = [...byTable].map(([t, cs]) => {
        const row = sql`row(${sql.join(cs.map((c) => sql.ref(c)))})::text`;
        return sql`select ${t} as t, count(*)::text as n, md5(coalesce(string_agg(r, '|' order by r), '')) as h from (select ${row} as r from ${sql.table(t)}) x`;
      });
      query = sql<{ t: string; n: string; h: string }>`${sql.join(parts, sql` union all `)}`;
    }
    return (await query.execute(db)).rows;
  };
}
