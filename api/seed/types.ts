// Shapes of the generated demo rows. They mirror the tables in api/db/schema.ts, except that
// foreign keys are natural keys (slugs, room names, interpreter e-mails) because database
// ids only exist after insertion; seed.ts maps them. JSON columns hold plain objects here.
import type { LocalizedText, PriceTerms, Specification } from '../db/schema.ts';
import type { Bilingual, CategoryData, PavilionData, RegionData } from './catalogue-data.ts';

export type DemoDataOptions = {
  seed?: number;
  /** How many of the catalogue's pavilions to use, in catalogue order (default: all). */
  pavilions?: number;
  companies?: number;
  products?: number;
  rooms?: number;
  interpreters?: number;
};
export type ResolvedOptions = Required<DemoDataOptions>;

export type DemoPavilion = {
  slug: string;
  names: LocalizedText;
  stories: LocalizedText;
  sort_order: number;
  retired_at: null;
  created_at: Date;
  updated_at: Date;
};

export type DemoCategory = {
  pavilion_slug: string;
  slug: string;
  names: LocalizedText;
  sort_order: number;
};

export type DemoCompany = {
  slug: string;
  founded_year: number;
  employees: number;
  region: string;
  website: string;
  logo_key: null;
  languages: string[];
  export_markets: string[];
  certifications: string[];
  time_zone: string;
  requires_confirmation: boolean;
  status: 'active';
  created_at: Date;
  updated_at: Date;
};

export type DemoCompanyText = {
  company_slug: string;
  locale: string;
  name: string;
  description: string;
};

export type DemoProduct = {
  slug: string;
  company_slug: string;
  pavilion_slug: string;
  category_slug: string;
  status: 'approved';
  rejection_reason: null;
  moq: number;
  moq_unit: string;
  lead_time_days: number;
  price_terms: PriceTerms;
  hs_code: string;
  certifications: string[];
  export_markets: string[];
  specifications: Specification[];
  published_at: Date;
  created_at: Date;
  updated_at: Date;
};

export type DemoProductText = {
  product_slug: string;
  locale: string;
  name: string;
  summary: string;
  description: string;
  keywords: string[];
};

export type DemoRoom = {
  name: string;
  kind: 'room' | 'booth';
  location: string;
  region: string;
  time_zone: string;
  buffer_minutes: number;
  equipment: string[];
  active: boolean;
};

export type DemoInterpreter = { name: string; email: string; time_zone: string; active: boolean };
export type DemoInterpreterLanguage = { interpreter_email: string; language: string };

/** Exactly one owner key is set, as the table's CHECK requires. */
export type DemoAvailabilityRule = {
  company_slug: string | null;
  room_name: string | null;
  interpreter_email: string | null;
  weekday: number;
  start_time: string;
  end_time: string;
  time_zone: string;
};

/** All owner keys null: a programme-wide blackout. */
export type DemoBlackout = {
  company_slug: null;
  room_name: null;
  interpreter_email: null;
  starts_at: Date;
  ends_at: Date;
  reason: string;
};

/** What the product generator needs to know about a company beyond its row. */
export type CompanyPlan = {
  slug: string;
  /** The root of the name, used as the product brand ("Hanbit"). */
  brand: Bilingual;
  /** Name without legal form ("Hanbit Bio"). */
  shortName: Bilingual;
  /** Registered name ("Hanbit Bio Co., Ltd." / "(주)한빛바이오"). */
  name: Bilingual;
  region: RegionData;
  pavilion: PavilionData;
  secondary: PavilionData | null;
  focus: readonly CategoryData[];
  certifications: readonly string[];
  markets: readonly string[];
  languages: readonly string[];
  createdAt: Date;
  modelPrefix: string;
  productCount: number;
};

export type DemoCatalogue = {
  options: ResolvedOptions;
  pavilions: DemoPavilion[];
  categories: DemoCategory[];
  companies: DemoCompany[];
  companyTexts: DemoCompanyText[];
  rooms: DemoRoom[];
  interpreters: DemoInterpreter[];
  interpreterLanguages: DemoInterpreterLanguage[];
  availabilityRules: DemoAvailabilityRule[];
  blackouts: DemoBlackout[];
  /** Parallel to `companies`. */
  plans: CompanyPlan[];
};

export type DemoProductBatch = { products: DemoProduct[]; productTexts: DemoProductText[] };

export type DemoData = Omit<DemoCatalogue, 'options' | 'plans'> & DemoProductBatch;
