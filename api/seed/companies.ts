// Demo exporters: one main pavilion each (some also show in a second one), a region weighted
// towards where the industry clusters, export markets, languages and a bilingual profile.
import {
  COMPANY_CLOSINGS, COMPANY_ROOTS, GENERIC_COMPANY_WORDS, LEGAL_FORMS, MARKETS, REGIONS,
  type Bilingual, type PavilionData, type RegionData,
} from './catalogue-data.ts';
import type { Random } from './random.ts';
import { formatInteger, joinEnglish, slugify } from './text.ts';
import { COMPANY_CLOSINGS_JA_ZH, INDUSTRIES_JA_ZH } from './translations.ts';
import type { CompanyPlan, DemoCompany, DemoCompanyText } from './types.ts';

const DAY_MS = 86_400_000;
const FAVOURED_WEIGHT = 4;

function favoured<T>(items: readonly T[], key: (item: T) => number, isFavoured: (item: T) => boolean): number[] {
  return items.map((item) => key(item) * (isFavoured(item) ? FAVOURED_WEIGHT : 1));
}

function pickLanguages(rng: Random, markets: readonly string[]): string[] {
  const has = (...codes: string[]) => codes.some((c) => markets.includes(c));
  const languages = ['ko'];
  if (rng.chance(0.75)) languages.push('en');
  if (rng.chance(has('JP') ? 0.35 : 0.06)) languages.push('ja');
  if (rng.chance(has('CN', 'TW', 'HK') ? 0.3 : 0.05)) languages.push('zh');
  if (rng.chance(has('RU', 'KZ', 'UZ') ? 0.25 : 0.02)) languages.push('ru');
  if (rng.chance(has('VN') ? 0.2 : 0.02)) languages.push('vi');
  return languages;
}

type Name = { slug: string; brand: Bilingual; shortName: Bilingual; modelPrefix: string };

function drawName(rng: Random, pavilion: PavilionData, region: RegionData, used: Set<string>): Name {
  const make = (withRegion: boolean): Name => {
    const root = rng.pick(COMPANY_ROOTS);
    const word = rng.chance(0.75) ? rng.pick(pavilion.companyWords) : rng.pick(GENERIC_COMPANY_WORDS);
    const en = `${withRegion ? `${region.en} ` : ''}${root.en} ${word.en}`;
    const ko = `${withRegion ? region.ko : ''}${root.ko}${word.ko}`;
    const modelPrefix = (root.en.charAt(0) + word.en.charAt(0)).toUpperCase();
    return { slug: slugify(en), brand: root, shortName: { en, ko }, modelPrefix };
  };
  // Plenty of distinct root-word pairs for a few hundred companies; with thousands, Korean
  // firms commonly disambiguate with the region ("Daegu Hanbit Textile"), then a number.
  for (let attempt = 0; attempt < 12; attempt++) {
    const name = make(attempt >= 8);
    if (!used.has(name.slug)) return name;
  }
  const name = make(true);
  let n = 2;
  while (used.has(`${name.slug}-${n}`)) n++;
  return { ...name, slug: `${name.slug}-${n}` };
}

function legalName(rng: Random, shortName: Bilingual, startup: boolean): Bilingual {
  const form = startup && rng.chance(0.6) ? LEGAL_FORMS[3]! : rng.weighted(LEGAL_FORMS, LEGAL_FORMS.map((f) => f.weight));
  return {
    en: `${shortName.en} ${form.en}`,
    ko: form.koPosition === 'prefix' ? `${form.ko}${form.ko === '주식회사' ? ' ' : ''}${shortName.ko}` : `${shortName.ko}${form.ko === '주식회사' ? ' ' : ''}${form.ko}`,
  };
}

type Profile = { en: string; ko: string; ja: string; zh: string };

/** The company's profile text in English and Korean, and the same facts in Japanese and Chinese. */
function describe(rng: Random, plan: CompanyPlan, row: DemoCompany): Profile {
  const nouns = rng.pickMany(plan.focus.flatMap((c) => c.nouns), 3);
  const markets = plan.markets.map((code) => MARKETS.find((m) => m.code === code)!);
  const closing = rng.pick(COMPANY_CLOSINGS);
  const kind = plan.pavilion.slug === 'startups' ? 'start-up' : 'manufacturer';
  const kindKo = plan.pavilion.slug === 'startups' ? '스타트업' : '전문 기업';
  const en = [
    `${plan.name.en} is a ${plan.pavilion.industry.en} ${kind} founded in ${row.founded_year} in ${plan.region.en}, Korea, with ${formatInteger(row.employees)} employees.`,
    `Main products: ${nouns.map((n) => n.en).join(', ')}.`,
    `Export markets: ${joinEnglish(markets.map((m) => m.en))}.`,
    row.certifications.length > 0 ? `Certifications: ${row.certifications.join(', ')}.` : '',
    closing.en,
  ];
  const ko = [
    `${row.founded_year}년 ${plan.region.ko}에서 설립된 ${plan.pavilion.industry.ko} ${kindKo}으로, 임직원 ${formatInteger(row.employees)}명이 근무하고 있습니다.`,
    `주요 제품: ${nouns.map((n) => n.ko).join(', ')}.`,
    `주요 수출국: ${markets.map((m) => m.ko).join(', ')}.`,
    row.certifications.length > 0 ? `보유 인증: ${row.certifications.join(', ')}.` : '',
    closing.ko,
  ];
  const industry = INDUSTRIES_JA_ZH[plan.pavilion.slug]!;
  const closingJaZh = COMPANY_CLOSINGS_JA_ZH[closing.en]!;
  const startup = plan.pavilion.slug === 'startups';
  const employees = formatInteger(row.employees);
  const ja = [
    `${plan.name.en}は、${row.founded_year}年に韓国・${plan.region.ja}で設立された${industry.ja}${startup ? 'スタートアップ' : 'メーカー'}です。従業員数は${employees}名です。`,
    `主要製品：${nouns.map((n) => n.ja).join('、')}。`,
    `主な輸出先：${markets.map((m) => m.ja).join('、')}。`,
    row.certifications.length > 0 ? `保有認証：${row.certifications.join('、')}。` : '',
    closingJaZh.ja,
  ];
  const zh = [
    `${plan.name.en}于${row.founded_year}年在韩国${plan.region.zh}成立，是一家${industry.zh}${startup ? '初创企业' : '制造商'}，现有员工${employees}名。`,
    `主要产品：${nouns.map((n) => n.zh).join('、')}。`,
    `主要出口市场：${markets.map((m) => m.zh).join('、')}。`,
    row.certifications.length > 0 ? `认证：${row.certifications.join('、')}。` : '',
    closingJaZh.zh,
  ];
  return { en: en.filter(Boolean).join(' '), ko: ko.filter(Boolean).join(' '), ja: ja.join(''), zh: zh.join('') };
}

export function generateCompanies(
  rng: Random,
  pavilions: readonly PavilionData[],
  count: number,
  base: Date,
): { plans: CompanyPlan[]; companies: DemoCompany[]; companyTexts: DemoCompanyText[] } {
  const plans: CompanyPlan[] = [];
  const companies: DemoCompany[] = [];
  const companyTexts: DemoCompanyText[] = [];
  const used = new Set<string>();
  const pavilionWeights = pavilions.map((p) => p.weight);
  // Which companies also keep a Japanese or Chinese profile: a stream of its own, so the
  // companies themselves come out as they always did.
  const locales = rng.fork('company-locales');

  for (let i = 0; i < count; i++) {
    const pavilion = rng.weighted(pavilions, pavilionWeights);
    const startup = pavilion.slug === 'startups';
    const region = rng.weighted(REGIONS, favoured(REGIONS, (r) => r.weight, (r) => pavilion.regions.includes(r.code)));
    const name = drawName(rng, pavilion, region, used);
    used.add(name.slug);

    const markets = rng.weightedMany(
      MARKETS.map((m) => m.code),
      favoured(MARKETS, (m) => m.weight, (m) => pavilion.markets.includes(m.code)),
      rng.int(2, 7),
    );
    const certWeights = pavilion.certifications.map((_, k) => pavilion.certifications.length - k);
    const certifications = rng.weightedMany(pavilion.certifications, certWeights, rng.int(startup ? 0 : 1, 4));
    if (!startup && rng.chance(0.5)) certifications.push('ISO 9001');

    const others = pavilions.filter((p) => p !== pavilion);
    const secondary = others.length > 0 && rng.chance(0.15) ? rng.pick(others) : null;
    const focus = rng.pickMany(pavilion.categories, rng.int(1, Math.min(3, pavilion.categories.length)));

    const foundedYear = startup
      ? rng.int(2015, 2024)
      : Math.max(1962, 2025 - Math.round(rng.logUniform(2, 60)));
    const employees = Math.round(
      startup ? rng.logUniform(3, 60) : rng.chance(0.04) ? rng.logUniform(900, 3000) : rng.logUniform(5, 900),
    );
    const createdAt = new Date(base.getTime() + rng.int(0, 59) * DAY_MS + rng.int(0, 1439) * 60_000);
    const plan: CompanyPlan = {
      slug: name.slug,
      brand: name.brand,
      shortName: name.shortName,
      name: legalName(rng, name.shortName, startup),
      region,
      pavilion,
      secondary,
      focus,
      certifications,
      markets,
      languages: pickLanguages(rng, markets),
      createdAt,
      modelPrefix: name.modelPrefix,
      productCount: 0,
    };
    const row: DemoCompany = {
      slug: name.slug,
      founded_year: foundedYear,
      employees,
      region: region.en,
      website: `https://${name.slug}.example.com`,
      logo_key: null,
      languages: [...plan.languages],
      export_markets: [...markets],
      certifications: [...certifications],
      time_zone: 'Asia/Seoul',
      // Some companies want to accept each meeting request themselves.
      requires_confirmation: rng.chance(0.2),
      status: 'active',
      created_at: createdAt,
      updated_at: createdAt,
    };
    const description = describe(rng, plan, row);
    plans.push(plan);
    companies.push(row);
    companyTexts.push(
      { company_slug: name.slug, locale: 'en', name: plan.name.en, description: description.en },
      { company_slug: name.slug, locale: 'ko', name: plan.name.ko, description: description.ko },
    );
    // Those who speak Japanese or Chinese present themselves in it; some selling to Japan or
    // the Chinese-speaking markets do too. The name stays the English one, as such firms use.
    const speaks = (l: string) => plan.languages.includes(l);
    const sells = (...codes: string[]) => codes.some((c) => markets.includes(c));
    const wantsJa = locales.chance(speaks('ja') ? 1 : sells('JP') ? 0.35 : 0.04);
    const wantsZh = locales.chance(speaks('zh') ? 1 : sells('CN', 'TW', 'HK') ? 0.35 : 0.04);
    if (wantsJa) companyTexts.push({ company_slug: name.slug, locale: 'ja', name: plan.name.en, description: description.ja });
    if (wantsZh) companyTexts.push({ company_slug: name.slug, locale: 'zh', name: plan.name.en, description: description.zh });
  }
  return { plans, companies, companyTexts };
}

/**
 * Spreads products over companies with a skewed (log-normal) share, every company getting
 * at least one while there are enough; largest remainders settle the rounding.
 */
export function allocateProducts(rng: Random, plans: CompanyPlan[], products: number): void {
  if (plans.length === 0) return;
  const floor = products >= plans.length ? 1 : 0;
  const rest = products - floor * plans.length;
  const weights = plans.map(() => Math.exp(rng.normal() * 0.8));
  const total = weights.reduce((a, w) => a + w, 0);
  const exact = weights.map((w) => (rest * w) / total);
  const counts = exact.map((x) => Math.floor(x));
  let left = rest - counts.reduce((a, c) => a + c, 0);
  const order = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k]!.i]!++;
  plans.forEach((plan, i) => (plan.productCount = floor + counts[i]!));
}
