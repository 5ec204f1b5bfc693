// Demo products, generated lazily in batches so 100,000 of them never sit in memory at once.
// One random stream runs through all products in order, so the output does not depend on
// the batch size.
import type { PriceTerms, Specification } from '../db/schema.ts';
import {
  MARKETS, PRODUCT_CLOSINGS, PRODUCT_SERIES, UNITS,
  type Bilingual, type CategoryData, type Localized, type PavilionData,
} from './catalogue-data.ts';
import { createRandom, hashSeed, type Random } from './random.ts';
import { capitalise, formatInteger, formatPrice, joinEnglish, slugify, titleCase } from './text.ts';
import {
  MARKETS_RU_VI, MODIFIERS_RU_VI, NOUNS_RU_VI, PRODUCT_CLOSINGS_RU_VI, REGIONS_RU_VI, UNITS_RU_VI,
  capitaliseFirst, groupDigits, priceWithComma, russianCount, russianPhrase, vietnamesePhrase,
} from './translations.ts';
import type { CompanyPlan, DemoCatalogue, DemoProduct, DemoProductBatch, DemoProductText } from './types.ts';

const HOUR_MS = 3_600_000;
const HSK_SUFFIXES = ['0000', '1000', '9000', '1010', '9090', '2000'];

/** 0.01 precision under 100 USD, whole dollars to 10,000, tens above. */
function roundPrice(x: number): number {
  if (x < 100) return Math.max(0.01, Math.round(x * 100) / 100);
  if (x < 10_000) return Math.round(x);
  return Math.round(x / 10) * 10;
}

/** MOQs are quoted as round numbers: 1, 2, 3, 5 x 10^k. */
function roundQuantity(x: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, x)));
  const steps = [1, 2, 3, 5, 10];
  const step = steps.reduce((best, s) => (Math.abs(s * magnitude - x) < Math.abs(best * magnitude - x) ? s : best));
  return Math.max(1, step * magnitude);
}

type Pick = {
  pavilion: PavilionData;
  category: CategoryData;
  noun: Localized;
  modifier: Localized | null;
  withBrand: boolean;
  code: string | null;
  series: Localized | null;
  seriesNumber: number;
};

function names(plan: CompanyPlan, p: Pick): Localized {
  const suffix = (series: string | undefined) =>
    [p.code, series, p.seriesNumber > 1 ? String(p.seriesNumber) : ''].filter(Boolean).join(' ');
  const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ');
  const brandEn = p.withBrand ? plan.brand.en : null;
  return {
    en: join(titleCase(join(brandEn, p.modifier?.en, p.noun.en)), suffix(p.series?.en)),
    ko: join(p.withBrand ? plan.brand.ko : null, p.modifier?.ko, p.noun.ko, suffix(p.series?.ko)),
    ja: join(brandEn, `${p.modifier?.ja ?? ''}${p.noun.ja}`, suffix(p.series?.ja)),
    zh: join(brandEn, `${p.modifier?.zh ?? ''}${p.noun.zh}`, suffix(p.series?.zh)),
  };
}

/** Picks what the product is, giving a repeated name within a company a series name. */
function choose(rng: Random, plan: CompanyPlan, usedNames: Set<string>): { pick: Pick; name: Localized } {
  const pavilion = plan.secondary && rng.chance(0.2) ? plan.secondary : plan.pavilion;
  const category =
    pavilion === plan.pavilion && rng.chance(0.85) ? rng.pick(plan.focus) : rng.pick(pavilion.categories);
  const pick: Pick = {
    pavilion,
    category,
    noun: rng.pick(category.nouns),
    modifier: category.modifiers.length > 0 && rng.chance(0.6) ? rng.pick(category.modifiers) : null,
    withBrand: rng.chance(0.5),
    code: pavilion.modelCodes ? `${plan.modelPrefix}-${rng.int(1, 99) * (rng.chance(0.5) ? 10 : 100)}` : null,
    series: null,
    seriesNumber: 1,
  };
  let name = names(plan, pick);
  if (usedNames.has(name.en)) {
    for (const series of rng.shuffle(PRODUCT_SERIES)) {
      pick.series = series;
      name = names(plan, pick);
      if (!usedNames.has(name.en)) break;
    }
    while (usedNames.has(name.en)) {
      pick.seriesNumber++;
      name = names(plan, pick);
    }
  }
  usedNames.add(name.en);
  return { pick, name };
}

/**
 * `rng` draws everything the product is; `more` (a stream of its own) only decides which
 * further languages it is listed in, so adding languages never changed the products.
 */
function buildProduct(rng: Random, more: Random, plan: CompanyPlan, serial: number, usedNames: Set<string>): DemoProductBatch {
  const { pick, name } = choose(rng, plan, usedNames);
  const { pavilion, category, noun, modifier } = pick;
  const unit = UNITS[category.unit];

  const minPrice = roundPrice(rng.logUniform(category.price[0], category.price[1]));
  const priceTerms: PriceTerms = {
    incoterm: rng.chance(0.7) ? 'FOB' : 'CIF',
    currency: 'USD',
    min: minPrice,
    max: roundPrice(minPrice * rng.float(1.15, 2.2)),
    unit: unit.one,
  };
  const moq = roundQuantity(rng.logUniform(category.moq[0], category.moq[1]));
  const rawLead = rng.int(pavilion.leadTime[0], pavilion.leadTime[1]);
  const leadTime = rawLead >= 20 ? Math.round(rawLead / 5) * 5 : rawLead;
  const prefix = rng.pick(category.hs);
  const hsCode = rng.chance(0.55) ? prefix + rng.pick(HSK_SUFFIXES) : prefix;
  const certPool = pavilion === plan.pavilion ? plan.certifications : pavilion.certifications;
  const certifications = rng.pickMany(certPool, rng.int(0, Math.min(3, certPool.length)));
  const marketCodes = rng.pickMany(plan.markets, rng.int(1, Math.min(5, plan.markets.length)));
  const markets = MARKETS.filter((m) => marketCodes.includes(m.code));
  const specifications: Specification[] = [
    ...(pick.code ? [{ key: 'Model', value: pick.code }] : []),
    ...Object.entries(category.specs).map(([key, values]) => ({ key, value: rng.pick(values) })),
    { key: 'Origin', value: 'Republic of Korea' },
  ];
  const createdAt = new Date(plan.createdAt.getTime() + rng.int(1, 200 * 24) * HOUR_MS);
  const publishedAt = new Date(createdAt.getTime() + rng.int(2, 96) * HOUR_MS);
  const slug = `${slugify(noun.en)}-${slugify(plan.brand.en)}-${serial}`;

  const product: DemoProduct = {
    slug,
    company_slug: plan.slug,
    pavilion_slug: pavilion.slug,
    category_slug: category.slug,
    status: 'approved',
    rejection_reason: null,
    moq,
    moq_unit: unit.many,
    lead_time_days: leadTime,
    price_terms: priceTerms,
    hs_code: hsCode,
    certifications,
    export_markets: markets.map((m) => m.code),
    specifications,
    published_at: publishedAt,
    created_at: createdAt,
    updated_at: publishedAt,
  };

  // Texts: the same facts in each language.
  const [f1, f2, f3] = rng.pickMany(pavilion.features, 3) as [Bilingual, Bilingual, Bilingual];
  const closing = rng.pick(PRODUCT_CLOSINGS);
  const template = rng.int(0, 2);
  const keywordIdx = rng.pickMany(pavilion.keywords.en.map((_, i) => i), 2);
  const moqText = formatInteger(moq);
  const min = formatPrice(priceTerms.min);
  const max = formatPrice(priceTerms.max, priceTerms.min);
  const region = plan.region;
  const company = plan.name;

  const summaryEn = [
    `${capitalise(f1.en)} and ${f2.en}. MOQ ${moqText} ${unit.many}, lead time ${leadTime} days.`,
    `${noun.en} from ${plan.shortName.en}, ${region.en}, Korea: ${f1.en}, ${f2.en}.`,
    `Made in Korea by ${plan.shortName.en}. ${capitalise(f1.en)}; ${priceTerms.incoterm} from USD ${min} per ${unit.one}.`,
  ][template]!;
  const summaryKo = [
    `${f1.ko}, ${f2.ko}. 최소 주문 ${moqText}${unit.ko}, 납기 ${leadTime}일.`,
    `${region.ko} 소재 ${plan.shortName.ko}의 ${noun.ko}. ${f1.ko}, ${f2.ko}.`,
    `${plan.shortName.ko} 국내 생산. ${f1.ko}. ${priceTerms.incoterm} 기준 USD ${min}부터.`,
  ][template]!;
  const certEn = certifications.length > 0 ? `Certifications: ${certifications.join(', ')}.` : '';
  const certKo = certifications.length > 0 ? `보유 인증: ${certifications.join(', ')}.` : '';
  const dedupe = (words: (string | undefined)[]) => [...new Set(words.filter((w): w is string => Boolean(w)))];

  const texts: DemoProductText[] = [
    {
      product_slug: slug,
      locale: 'en',
      name: name.en,
      summary: summaryEn,
      description: [
        `${name.en} is made by ${company.en} in ${region.en}, Korea.`,
        `Key features: ${joinEnglish([f1.en, f2.en, f3.en])}.`,
        certEn,
        `Exported to ${joinEnglish(markets.map((m) => m.en))}.`,
        `MOQ ${moqText} ${unit.many}; lead time about ${leadTime} days; ${priceTerms.incoterm} price USD ${min}-${max} per ${unit.one}.`,
        closing.en,
      ].filter(Boolean).join(' '),
      keywords: dedupe([
        noun.en.toLowerCase(), modifier?.en.toLowerCase(), category.names.en.toLowerCase(), plan.brand.en.toLowerCase(),
        ...keywordIdx.map((i) => pavilion.keywords.en[i]), 'made in korea',
      ]),
    },
    {
      product_slug: slug,
      locale: 'ko',
      name: name.ko,
      summary: summaryKo,
      description: [
        `${region.ko} 소재 ${company.ko}에서 개발·생산한 제품입니다.`,
        `주요 특징: ${f1.ko}, ${f2.ko}, ${f3.ko}.`,
        certKo,
        `주요 수출국: ${markets.map((m) => m.ko).join(', ')}.`,
        `최소 주문 수량 ${moqText}${unit.ko}, 납기 약 ${leadTime}일, ${priceTerms.incoterm} 기준 단가 USD ${min}~${max}.`,
        closing.ko,
      ].filter(Boolean).join(' '),
      keywords: dedupe([
        noun.ko, modifier?.ko, category.names.ko, plan.brand.ko, ...keywordIdx.map((i) => pavilion.keywords.ko[i]), '한국산',
      ]),
    },
  ];

  // Companies that speak Japanese or Chinese often list in it too; a few others do.
  if (rng.chance(plan.languages.includes('ja') ? 0.7 : 0.06)) {
    texts.push({
      product_slug: slug,
      locale: 'ja',
      name: name.ja,
      summary: `${plan.shortName.en}（韓国・${region.ja}）の${noun.ja}。最小発注数量${moqText}${unit.ja}、納期約${leadTime}日。`,
      description: [
        `${name.ja}は、韓国・${region.ja}の${company.en}が製造しています。`,
        certifications.length > 0 ? `認証：${certifications.join('、')}。` : '',
        `主な輸出先：${markets.map((m) => m.ja).join('、')}。`,
        `最小発注数量：${moqText}${unit.ja}、納期：約${leadTime}日、${priceTerms.incoterm}価格：USD ${min}〜${max}。`,
        closing.ja,
      ].join(''),
      keywords: dedupe([noun.ja, modifier?.ja, '韓国製']),
    });
  }
  if (rng.chance(plan.languages.includes('zh') ? 0.7 : 0.05)) {
    texts.push({
      product_slug: slug,
      locale: 'zh',
      name: name.zh,
      summary: `韩国${region.zh}${plan.shortName.en}出品的${noun.zh}。起订量${moqText}${unit.zh}，交货期约${leadTime}天。`,
      description: [
        `${name.zh}由韩国${region.zh}的${company.en}生产。`,
        certifications.length > 0 ? `认证：${certifications.join('、')}。` : '',
        `主要出口市场：${markets.map((m) => m.zh).join('、')}。`,
        `起订量：${moqText}${unit.zh}，交货期：约${leadTime}天，${priceTerms.incoterm}价格：USD ${min}–${max}。`,
        closing.zh,
      ].join(''),
      keywords: dedupe([noun.zh, modifier?.zh, '韩国制造']),
    });
  }

  // Russian and Vietnamese: companies that speak the language nearly always list in it,
  // those selling to its markets often, a few others too.
  const speaks = (l: string) => plan.languages.includes(l);
  const sells = (...codes: string[]) => codes.some((c) => marketCodes.includes(c));
  const wantsRu = more.chance(speaks('ru') ? 0.85 : sells('RU', 'KZ', 'UZ', 'MN') ? 0.6 : 0.22);
  const wantsVi = more.chance(speaks('vi') ? 0.85 : sells('VN') ? 0.5 : 0.18);
  const nounRuVi = NOUNS_RU_VI[noun.en];
  const modifierRuVi = modifier ? MODIFIERS_RU_VI[modifier.en] : null;
  if (nounRuVi && modifierRuVi !== undefined) {
    const suffix = [pick.code, pick.series?.en, pick.seriesNumber > 1 ? String(pick.seriesNumber) : ''].filter(Boolean).join(' ');
    const brand = pick.withBrand ? plan.brand.en : null;
    const unitRuVi = UNITS_RU_VI[category.unit]!;
    const regionRuVi = REGIONS_RU_VI[region.code];
    const closingRuVi = PRODUCT_CLOSINGS_RU_VI[closing.en]!;
    const marketsRuVi = markets.map((m) => MARKETS_RU_VI[m.code]!);
    const plain = (phrase: string | undefined) => phrase?.replace(/^\+/, '');
    if (wantsRu) {
      const phrase = capitaliseFirst(russianPhrase(nounRuVi, modifierRuVi));
      const nbsp = '\u00a0';
      const moqRu = groupDigits(moq, nbsp);
      const days = russianCount(leadTime, ['дня', 'дней', 'дней']); // genitive after "около"
      const price = `${priceWithComma(priceTerms.min, nbsp)}–${priceWithComma(priceTerms.max, nbsp, priceTerms.min)}`;
      texts.push({
        product_slug: slug,
        locale: 'ru',
        name: [phrase, brand, suffix].filter(Boolean).join(' '),
        summary: `${phrase} от ${plan.shortName.en} (${regionRuVi.ru}, Республика Корея). Минимальная партия — ${moqRu} ${russianCount(moq, unitRuVi.ru)}, срок поставки — около ${leadTime} ${days}.`,
        description: [
          `${phrase} производства компании ${company.en} (${regionRuVi.ru}, Республика Корея).`,
          certifications.length > 0 ? `Сертификаты: ${certifications.join(', ')}.` : '',
          `Основные рынки сбыта: ${marketsRuVi.map((m) => m.ru).join(', ')}.`,
          `Минимальная партия — ${moqRu} ${russianCount(moq, unitRuVi.ru)}, срок поставки — около ${leadTime} ${days}, цена ${priceTerms.incoterm} — ${price} USD за ${unitRuVi.ru[3]}.`,
          closingRuVi.ru,
        ].filter(Boolean).join(' '),
        keywords: dedupe([nounRuVi.ru.toLowerCase(), plain(modifierRuVi?.ru), 'корейское производство']),
      });
    }
    if (wantsVi) {
      const phrase = vietnamesePhrase(nounRuVi, modifierRuVi);
      const moqVi = groupDigits(moq, '.');
      const price = `${priceWithComma(priceTerms.min, '.')}–${priceWithComma(priceTerms.max, '.', priceTerms.min)}`;
      texts.push({
        product_slug: slug,
        locale: 'vi',
        name: [phrase, brand, suffix].filter(Boolean).join(' '),
        summary: `${phrase} của ${plan.shortName.en} (${regionRuVi.vi}, Hàn Quốc). Đơn hàng tối thiểu ${moqVi} ${unitRuVi.vi}, thời gian giao hàng khoảng ${leadTime} ngày.`,
        description: [
          `${phrase} do ${company.en} (${regionRuVi.vi}, Hàn Quốc) sản xuất.`,
          certifications.length > 0 ? `Chứng nhận: ${certifications.join(', ')}.` : '',
          `Thị trường xuất khẩu chính: ${marketsRuVi.map((m) => m.vi).join(', ')}.`,
          `Số lượng đặt hàng tối thiểu: ${moqVi} ${unitRuVi.vi}; thời gian giao hàng khoảng ${leadTime} ngày; giá ${priceTerms.incoterm}: ${price} USD/${unitRuVi.vi}.`,
          closingRuVi.vi,
        ].filter(Boolean).join(' '),
        keywords: dedupe([nounRuVi.vi.toLowerCase(), modifierRuVi?.vi, 'hàng hàn quốc']),
      });
    }
  }
  return { products: [product], productTexts: texts };
}

/** Yields the catalogue's products in batches of `batchSize` (the last may be smaller). */
export function* generateProducts(catalogue: DemoCatalogue, batchSize = 500): Generator<DemoProductBatch> {
  if (!(batchSize >= 1)) throw new RangeError(`batchSize must be at least 1, got ${batchSize}`);
  const rng = createRandom(hashSeed(catalogue.options.seed, 'products'));
  const more = createRandom(hashSeed(catalogue.options.seed, 'products-more-locales'));
  let batch: DemoProductBatch = { products: [], productTexts: [] };
  let serial = 0;
  for (const plan of catalogue.plans) {
    const usedNames = new Set<string>();
    for (let k = 0; k < plan.productCount; k++) {
      const one = buildProduct(rng, more, plan, ++serial, usedNames);
      batch.products.push(...one.products);
      batch.productTexts.push(...one.productTexts);
      if (batch.products.length >= batchSize) {
        yield batch;
        batch = { products: [], productTexts: [] };
      }
    }
  }
  if (batch.products.length > 0) yield batch;
}
