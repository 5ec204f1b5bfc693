// Which companies the public sees: a company is listed (its page built, in the companies
// index, open to meeting requests addressed to it) once it is active and staff have published
// at least one of its products in a pavilion still open. A company that has just registered
// has had nothing reviewed yet, so its profile (names, description, logo, website) waits for
// its first approved product; a company whose last product is withdrawn drops out again.
// One definition, used by the site build, its change digests, search and booking.
import { sql, type RawBuilder } from 'kysely';

/** The condition for the companies row under `alias` ("c", or "companies" when unaliased). */
export function listedCompany(alias: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(`${alias}.status`)} = 'active' and exists (
    select 1 from products lp join pavilions lpv on lpv.id = lp.pavilion_id and lpv.retired_at is null
    where lp.company_id = ${sql.ref(`${alias}.id`)} and lp.status = 'approved'))`;
}
