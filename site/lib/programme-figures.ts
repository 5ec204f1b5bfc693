// The programme in four figures for the home page, counted in PostgreSQL when the site is
// built. Counts only: no name, e-mail or company of any buyer ever leaves the database here.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import { listedCompany } from '../../api/repositories/listed-companies.ts';
import { buildDatabase, perBuild } from './db.ts';

export type ProgrammeFigures = {
  /**
   * Consultations that took place: status 'completed' only. Not 'held' (in the schema that
   * is a slot held while the company decides), nor scheduled or confirmed ones (still to
   * come), nor no-shows, cancellations or refusals.
   */
  consultationsHeld: number;
  /** Exporters in the hall: listed companies (active, with a published product; listed-companies.ts). */
  companies: number;
  /** Buyers who have asked for at least one meeting, whatever became of the request. */
  buyers: number;
  /** The distinct countries those buyers are from. */
  countries: number;
};

export async function readProgrammeFigures(db: Kysely<Database>): Promise<ProgrammeFigures> {
  const { rows } = await sql<{ consultations: string; companies: string; buyers: string; countries: string }>`
    select
      (select count(*) from consultations where status = 'completed') as consultations,
      (select count(*) from companies c where ${listedCompany('c')}) as companies,
      count(*) as buyers,
      count(distinct b.country) as countries
    from buyers b
    where exists (select 1 from meeting_requests m where m.buyer_id = b.id)`.execute(db);
  const r = rows[0]!;
  return { consultationsHeld: Number(r.consultations), companies: Number(r.companies), buyers: Number(r.buyers), countries: Number(r.countries) };
}

/** The figures, read once per build whatever the number of locales. */
export function programmeFigures(): Promise<ProgrammeFigures> {
  return perBuild('programme-figures', async () => readProgrammeFigures(await buildDatabase()));
}
