// Kysely table types: the TypeScript view of migrations/. Keep in step with them.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
export type LocalizedText = Partial<Record<string, string>>;

export interface PavilionsTable {
  id: Generated<string>;
  slug: string;
  names: Json<LocalizedText>;
  stories: ColumnType<LocalizedText, string | undefined, string>;
  sort_order: Generated<number>;
  retired_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CategoriesTable {
  id: Generated<string>;
  pavilion_id: string;
  slug: string;
  names: Json<LocalizedText>;
  sort_order: Generated<number>;
}

export type StoredLogo = { width: number; height: number; variants: { format: string; width: number; height: number; bytes: number; name: string }[] };

export interface CompaniesTable {
  id: Generated<string>;
  slug: string;
  founded_year: number | null;
  employees: number | null;
  region: string;
  website: string | null;
  logo_key: string | null;
  /** The logo's stored variants: { width, height, variants: [{ format, width, height, bytes, name }] }. */
  logo: ColumnType<StoredLogo | null, string | null | undefined, string | null>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  export_markets: ColumnType<string[], string[] | undefined, string[]>;
  certifications: ColumnType<string[], string[] | undefined, string[]>;
  time_zone: Generated<string>;
  requires_confirmation: Generated<boolean>;
  status: Generated<'active' | 'suspended'>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CompanyTextsTable {
  company_id: string;
  locale: string;
  name: string;
  description: Generated<string>;
}

/** A company's suspension by staff; open (reinstated_at null) while the company is suspended. */
export interface CompanySuspensionsTable {
  id: Generated<string>;
  company_id: string;
  reason: string;
  suspended_at: CreatedAt;
  suspended_by: string | null;
  reinstated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  reinstated_by: string | null;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: Generated<'company' | 'staff' | 'admin'>;
  email_verified: Generated<boolean>;
  image: string | null;
  locale: Generated<'en' | 'ko' | 'ja' | 'zh' | 'ru' | 'vi'>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CompanyMembersTable {
  company_id: string;
  user_id: string;
  role: Generated<'owner' | 'member'>;
}

export interface CompanyInvitationsTable {
  id: Generated<string>;
  company_id: string;
  /** Lower case. */
  email: string;
  /** SHA-256 (hex) of the token in the e-mailed link; the token itself is never stored. */
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  accepted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  accepted_by: string | null;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type ProductStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';
export interface PriceTerms {
  incoterm: 'FOB' | 'CIF' | 'EXW' | 'DDP';
  currency: string;
  min: number;
  max: number;
  unit: string;
}
export interface Specification {
  key: string;
  value: string;
}

export interface ProductsTable {
  id: Generated<string>;
  slug: string;
  company_id: string;
  pavilion_id: string;
  category_id: string | null;
  status: Generated<ProductStatus>;
  rejection_reason: string | null;
  moq: number | null;
  moq_unit: string | null;
  lead_time_days: number | null;
  price_terms: ColumnType<PriceTerms | null, string | null, string | null>;
  hs_code: string | null;
  certifications: ColumnType<string[], string[] | undefined, string[]>;
  export_markets: ColumnType<string[], string[] | undefined, string[]>;
  specifications: ColumnType<Specification[], string | undefined, string>;
  published_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ProductTextsTable {
  product_id: string;
  locale: string;
  name: string;
  summary: Generated<string>;
  description: Generated<string>;
  keywords: ColumnType<string[], string[] | undefined, string[]>;
}

export interface ProductRevisionsTable {
  id: Generated<string>;
  product_id: string;
  data: Json<unknown>;
  status: Generated<'submitted' | 'approved' | 'rejected'>;
  reason: string | null;
  submitted_by: string | null;
  reviewed_by: string | null;
  submitted_at: CreatedAt;
  reviewed_at: Date | null;
  /** The image list the edit proposes (product_images rows' shape); null leaves the images as published. */
  images: ColumnType<StagedImage[] | null, string | null | undefined, string | null>;
}

export type StagedImage = { position: number; storageKey: string; width: number; height: number; variants: unknown[]; alt: LocalizedText };

export interface ProductImagesTable {
  id: Generated<string>;
  product_id: string;
  position: number;
  storage_key: string;
  width: number;
  height: number;
  variants: ColumnType<unknown[], string | undefined, string>;
  alt: ColumnType<LocalizedText, string | undefined, string>;
}

export interface BuyersTable {
  id: Generated<string>;
  email: string;
  name: string;
  company_name: string;
  country: string;
  language: string;
  time_zone: string;
  phone: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RoomsTable {
  id: Generated<string>;
  name: string;
  kind: Generated<'room' | 'booth'>;
  location: string;
  region: string;
  time_zone: Generated<string>;
  buffer_minutes: Generated<number>;
  equipment: ColumnType<string[], string[] | undefined, string[]>;
  active: Generated<boolean>;
}

export interface InterpretersTable {
  id: Generated<string>;
  name: string;
  email: string;
  time_zone: Generated<string>;
  active: Generated<boolean>;
}

export interface InterpreterLanguagesTable {
  interpreter_id: string;
  language: string;
}

export interface AvailabilityRulesTable {
  id: Generated<string>;
  company_id: string | null;
  room_id: string | null;
  interpreter_id: string | null;
  weekday: number;
  start_time: string; // 'HH:MM:SS'
  end_time: string;
  time_zone: Generated<string>;
}

export interface BlackoutsTable {
  id: Generated<string>;
  company_id: string | null;
  room_id: string | null;
  interpreter_id: string | null;
  starts_at: Date;
  ends_at: Date;
  reason: Generated<string>;
}

export type InterpreterPreference = 'auto' | 'required' | 'none';
export interface MeetingRequestsTable {
  id: Generated<string>;
  buyer_id: string;
  company_id: string;
  product_id: string | null;
  preferred_slots: ColumnType<Date[], Date[] | undefined, Date[]>;
  interpreter: Generated<InterpreterPreference>;
  language: string;
  /** The buyer's zone for this request (a buyer may travel between requests). */
  time_zone: string;
  message: Generated<string>;
  status: Generated<'queued' | 'scheduled' | 'cancelled'>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type ConsultationStatus =
  | 'held' | 'scheduled' | 'confirmed' | 'completed' | 'no_show' | 'cancelled' | 'declined';
export const LIVE_CONSULTATION_STATUSES = ['held', 'scheduled', 'confirmed'] as const;

export interface ConsultationsTable {
  id: Generated<string>;
  meeting_request_id: string;
  company_id: string;
  buyer_id: string;
  room_id: string;
  interpreter_id: string | null;
  interpreter_language: string | null;
  starts_at: Date;
  ends_at: Date;
  room_free_at: Date;
  status: Generated<ConsultationStatus>;
  hold_expires_at: Date | null;
  /** Whose turn it is while the consultation is held. */
  awaiting: 'company' | 'buyer' | null;
  decline_reason: string | null;
  video_room: string;
  manage_token_hash: string;
  ics_sequence: Generated<number>;
  outcome: string | null;
  deal_value_usd: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type ConsultationEvent =
  | 'requested' | 'queued' | 'scheduled' | 'confirmed' | 'rescheduled' | 'cancelled'
  | 'declined' | 'completed' | 'no_show' | 'room_reassigned' | 'interpreter_reassigned'
  | 'held' | 'accepted' | 'proposed' | 'proposal_accepted' | 'proposal_declined' | 'hold_expired' | 'outcome_recorded';
export interface ConsultationEventsTable {
  id: Generated<string>;
  consultation_id: string | null;
  meeting_request_id: string;
  event: ConsultationEvent;
  actor_type: 'buyer' | 'company' | 'staff' | 'system';
  actor_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  at: CreatedAt;
}

export interface IdempotencyKeysTable {
  key: string;
  request_hash: string;
  state: Generated<'in_progress' | 'done'>;
  response_status: number | null;
  response_body: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface Database {
  pavilions: PavilionsTable;
  categories: CategoriesTable;
  companies: CompaniesTable;
  company_texts: CompanyTextsTable;
  company_suspensions: CompanySuspensionsTable;
  users: UsersTable;
  company_members: CompanyMembersTable;
  company_invitations: CompanyInvitationsTable;
  products: ProductsTable;
  product_texts: ProductTextsTable;
  product_revisions: ProductRevisionsTable;
  product_images: ProductImagesTable;
  buyers: BuyersTable;
  rooms: RoomsTable;
  interpreters: InterpretersTable;
  interpreter_languages: InterpreterLanguagesTable;
  availability_rules: AvailabilityRulesTable;
  blackouts: BlackoutsTable;
  meeting_requests: MeetingRequestsTable;
  consultations: ConsultationsTable;
  consultation_events: ConsultationEventsTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type Pavilion = Selectable<PavilionsTable>;
export type NewProduct = Insertable<ProductsTable>;
