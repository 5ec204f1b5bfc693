// Demo meeting requests waiting in the queue: overseas buyers (several countries, languages
// and time zones; some needing an interpreter, one in a language no interpreter covers)
// asking demo companies for a meeting that found no time when they asked. They give the
// control tower's queue and the week planner something to place. Deterministic: the same
// catalogue gives the same requests; only their ages are counted back from when the seed
// runs, so the queue reads as recent. Buyers' e-mails are on reserved .example domains;
// like every request, they are never shown on a built page.
import { sql, type Kysely } from 'kysely';
import type { Database, InterpreterPreference } from '../db/schema.ts';
import { findOrCreateBuyer, type BuyerDetails } from '../repositories/bookings.ts';
import { createRandom } from './random.ts';
import type { DemoCatalogue } from './types.ts';

type Buyer = BuyerDetails & { interpreter: InterpreterPreference; message: string; requests?: number };

const BUYERS: readonly Buyer[] = [
  { name: 'Emily Carter', company: 'Carter & Lane Distribution', country: 'US', email: 'emily.carter@carterlane.example', language: 'en', timeZone: 'America/New_York', interpreter: 'auto',
    message: 'We supply 120 independent pharmacies on the East Coast and are looking for a second source for next season.' },
  { name: 'Daniel Ruiz', company: 'Pacific Rim Supply', country: 'US', email: 'daniel.ruiz@pacificrim-supply.example', language: 'en-US', timeZone: 'America/Los_Angeles', interpreter: 'none',
    message: 'Interested in private-label terms and your lead time for a first container.' },
  { name: 'Haruka Tanaka', company: 'Tanaka Shoji K.K.', country: 'JP', email: 'haruka.tanaka@tanaka-shoji.example', language: 'ja', timeZone: 'Asia/Tokyo', interpreter: 'auto', requests: 2,
    message: '日本国内の代理店契約について相談したいです。' },
  { name: 'Kenta Mori', company: 'Mori Medical Trading', country: 'JP', email: 'kenta.mori@mori-medical.example', language: 'ja', timeZone: 'Asia/Tokyo', interpreter: 'required',
    message: 'PMDA registration support and minimum order quantities, please.' },
  { name: 'Dmitry Volkov', company: 'Volkov Energy Systems', country: 'RU', email: 'dmitry.volkov@volkov-energy.example', language: 'ru', timeZone: 'Europe/Moscow', interpreter: 'auto',
    message: 'Нас интересуют поставки для региональных сетей, нужна сертификация ЕАЭС.' },
  { name: 'Aigerim Sadykova', company: 'Steppe Trade LLP', country: 'KZ', email: 'aigerim.sadykova@steppe-trade.example', language: 'ru', timeZone: 'Asia/Almaty', interpreter: 'auto',
    message: 'Ищем производителя для сети магазинов в Алматы и Астане.' },
  { name: 'Nguyễn Thị Lan', company: 'Saigon Beauty Co.', country: 'VN', email: 'lan.nguyen@saigon-beauty.example', language: 'vi', timeZone: 'Asia/Ho_Chi_Minh', interpreter: 'auto', requests: 2,
    message: 'Chúng tôi muốn trở thành nhà phân phối độc quyền tại miền Nam Việt Nam.' },
  { name: 'Trần Minh Đức', company: 'Hanoi Medical Supplies', country: 'VN', email: 'duc.tran@hanoi-medical.example', language: 'vi', timeZone: 'Asia/Ho_Chi_Minh', interpreter: 'required',
    message: 'Cần báo giá và hồ sơ đăng ký lưu hành cho bệnh viện.' },
  { name: 'Wang Fang', company: 'Shanghai Jiahe Trading', country: 'CN', email: 'fang.wang@jiahe-trading.example', language: 'zh', timeZone: 'Asia/Shanghai', interpreter: 'auto',
    message: '希望了解跨境电商渠道的合作方式和价格。' },
  { name: 'Lucía Fernández', company: 'Iberia Cosmetics S.L.', country: 'ES', email: 'lucia.fernandez@iberia-cosmetics.example', language: 'es', timeZone: 'Europe/Madrid', interpreter: 'auto',
    message: 'Buscamos marcas coreanas para 35 perfumerías en España y Portugal.' },
  { name: 'Carlos Mendoza', company: 'Grupo Alimentos del Norte', country: 'MX', email: 'carlos.mendoza@alimentos-norte.example', language: 'es-MX', timeZone: 'America/Mexico_City', interpreter: 'auto',
    message: 'Nos interesa la importación para supermercados en Monterrey.' },
  { name: 'Lukas Becker', company: 'Becker Elektrotechnik GmbH', country: 'DE', email: 'lukas.becker@becker-elektro.example', language: 'en', timeZone: 'Europe/Berlin', interpreter: 'none',
    message: 'Looking for CE-certified suppliers; please bring your test reports.' },
  { name: 'Priya Sharma', company: 'Sharma Health Imports', country: 'IN', email: 'priya.sharma@sharma-health.example', language: 'en', timeZone: 'Asia/Kolkata', interpreter: 'none',
    message: 'We import for hospital chains in Mumbai and Pune and would like samples.' },
  { name: 'Omar Al Mansouri', company: 'Gulf Star Trading', country: 'AE', email: 'omar.almansouri@gulfstar.example', language: 'en', timeZone: 'Asia/Dubai', interpreter: 'auto',
    message: 'Halal certification and GCC distribution are our first questions.' },
  { name: 'Beatriz Costa', company: 'Costa & Filhos Importação', country: 'BR', email: 'beatriz.costa@costafilhos.example', language: 'pt-BR', timeZone: 'America/Sao_Paulo', interpreter: 'required',
    message: 'Gostaríamos de conversar em português sobre distribuição no Brasil.' },
];

export type DemoQueuedRequest = {
  buyer: BuyerDetails;
  companySlug: string;
  interpreter: InterpreterPreference;
  message: string;
  /** How long before the seed ran the request was made. */
  ageMinutes: number;
};

/**
 * The queued requests for a catalogue: each buyer asks a company that exports to their
 * country where there is one (never the first company, which the demo owner runs), oldest
 * request first. Empty when the catalogue has no company with products besides the first.
 */
export function generateQueuedRequests(catalogue: DemoCatalogue): DemoQueuedRequest[] {
  const rng = createRandom(catalogue.options.seed).fork('queued-requests');
  const companies = catalogue.plans.slice(1).filter((p) => p.productCount > 0);
  if (companies.length === 0) return [];
  const out: DemoQueuedRequest[] = [];
  for (const { interpreter, message, requests = 1, ...buyer } of BUYERS) {
    const exporters = companies.filter((c) => c.markets.includes(buyer.country));
    const chosen = rng.pickMany(exporters.length >= requests ? exporters : companies, requests);
    for (const company of chosen) out.push({ buyer, companySlug: company.slug, interpreter, message, ageMinutes: 0 });
  }
  // Asked over the last fortnight, at different hours: oldest first in the queue.
  const ages = out.map(() => rng.int(30, 14 * 24 * 60)).sort((a, b) => b - a);
  return rng.shuffle(out).map((r, i) => ({ ...r, ageMinutes: ages[i]! }));
}

/** Stores the queued requests (buyers found or created by e-mail), each with its history. */
export async function insertQueuedRequests(db: Kysely<Database>, catalogue: DemoCatalogue, companyIds: ReadonlyMap<string, string>): Promise<number> {
  const requests = generateQueuedRequests(catalogue);
  await db.transaction().execute(async (trx) => {
    for (const r of requests) {
      const companyId = companyIds.get(r.companySlug);
      if (!companyId) throw new Error(`Seed data refers to an unknown company: ${r.companySlug}`);
      const buyerId = await findOrCreateBuyer(trx, r.buyer);
      const product = await trx.selectFrom('products').select('id').where('company_id', '=', companyId).where('status', '=', 'approved')
        .orderBy('id').limit(1).executeTakeFirst();
      const at = sql<Date>`now() - make_interval(mins => ${r.ageMinutes})`;
      const { id } = await trx.insertInto('meeting_requests').values({
        buyer_id: buyerId, company_id: companyId, product_id: product?.id ?? null, preferred_slots: [],
        interpreter: r.interpreter, language: r.buyer.language, time_zone: r.buyer.timeZone, message: r.message,
        status: 'queued', created_at: at, updated_at: at,
      }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('consultation_events').values([
        { meeting_request_id: id, event: 'requested', actor_type: 'buyer', actor_id: buyerId, at },
        { meeting_request_id: id, event: 'queued', actor_type: 'system', at },
      ]).execute();
    }
  });
  return requests.length;
}
