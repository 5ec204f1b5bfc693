// The e-mails an account sends: verify the address, reset the password, and the invitation
// to join a company. In the user's language: the portal's six (English, Korean, Japanese,
// Chinese, Russian, Vietnamese), one JSON file of messages per language in ./i18n, read
// through t() exactly as the site reads its own (site/i18n). Pure.
import en from './i18n/en.json' with { type: 'json' };
import ko from './i18n/ko.json' with { type: 'json' };
import ja from './i18n/ja.json' with { type: 'json' };
import zh from './i18n/zh.json' with { type: 'json' };
import ru from './i18n/ru.json' with { type: 'json' };
import vi from './i18n/vi.json' with { type: 'json' };
import { createTranslator, type Messages, type Params } from '../../site/i18n/format.ts';
import { defaultLocale, isLocale, type Locale } from '../../site/i18n/locales.ts';

export type AccountMailKind = 'verify' | 'reset';
export type MailKey = keyof typeof en;

export const mailDictionaries: Readonly<Record<Locale, Messages>> = { en, ko, ja, zh, ru, vi };

/** The mail's language: one of the portal's, English for anything else. */
export const mailLocale = (locale: string | undefined): Locale => (isLocale(locale) ? locale : defaultLocale);

export function mailTranslations(locale: string | undefined): (key: MailKey, params?: Params) => string {
  const l = mailLocale(locale);
  const translate = createTranslator(l, mailDictionaries[l], mailDictionaries[defaultLocale]);
  return (key, params) => translate(key, params);
}

/** A name or title on one line (no header or body injection), not too long. */
const oneLine = (s: string, max: number) => s.replace(/[\r\n\t]+/g, ' ').trim().slice(0, max);

export function accountMail(m: { kind: AccountMailKind; name: string; locale: string; url: string }): { subject: string; text: string } {
  const t = mailTranslations(m.locale);
  // Strings, not numbers: a name is not reformatted as a number would be.
  const name = oneLine(m.name, 100);
  return {
    subject: t(`${m.kind}.subject`),
    text: [t('hello', { name }), '', t(`${m.kind}.body`), m.url, '', t('ignore'), '', t('sign')].join('\n'),
  };
}

/** An invitation to join a company. The link carries only the token, never the address. */
export function invitationMail(m: { locale: string; inviter: string; company: string; url: string; days: number }): { subject: string; text: string } {
  const t = mailTranslations(m.locale);
  const company = oneLine(m.company, 120);
  const inviter = oneLine(m.inviter, 120);
  return {
    subject: t('invite.subject', { company }),
    text: [
      t('invite.greeting'), '', t('invite.intro', { inviter, company }), '', t('invite.accept', { count: m.days }),
      m.url, '', t('invite.once'), '', t('sign'),
    ].join('\n'),
  };
}
