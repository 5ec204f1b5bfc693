// The account e-mails in each of the portal's six languages: the message files agree with
// the English one (keys, placeholders, plural forms: the site's own check), and each
// language writes its own words, with the name, company, days and link filled in.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageProblems } from '../../site/i18n/check.ts';
import { locales, type Locale } from '../../site/i18n/locales.ts';
import { accountMail, invitationMail, mailDictionaries } from './account-mail.ts';

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'i18n');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, string | Record<string, string>>;
const url = 'http://hall.test/api/auth/verify-email?token=abc.def.ghi';
const joinUrl = 'http://hall.test/ja/portal/join/#Zm9vYmFyYmF6cXV4cXV1eGZvb2JhcmJhenF1eHF1dXg';

describe('account e-mail message files', () => {
  it('exist for exactly the portal languages', () => {
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()).toEqual(locales.map((l) => `${l}.json`).sort());
  });
  for (const locale of locales) {
    it(`${locale}.json has every key of en.json, no other, none empty, the same placeholders and the language's plural forms`, () => {
      expect(messageProblems(read('en.json'), read(`${locale}.json`), locale)).toEqual([]);
      expect(mailDictionaries[locale]).toEqual(read(`${locale}.json`));
    });
  }
});

/** Per language: words each e-mail must contain (its own, not English ones). */
const expected: Record<Locale, { verify: string[]; reset: string[]; invite: string[]; hello: string; days: string }> = {
  en: {
    verify: ['Confirm your e-mail for Pavilion', 'Please confirm your e-mail address'],
    reset: ['Reset your Pavilion password', 'choose a new password with this link within one hour'],
    invite: ['Join Hanbit Beauty in the Pavilion company portal', 'Kim Owner has invited you to join Hanbit Beauty'],
    hello: 'Hello Min-ji Park,',
    days: 'within 7 days',
  },
  ko: {
    verify: ['Pavilion 이메일 인증', '이메일 주소를 인증해 주세요'],
    reset: ['Pavilion 비밀번호 재설정', '새 비밀번호를 정하세요'],
    invite: ['Pavilion 기업 포털: Hanbit Beauty 멤버 초대', 'Kim Owner님이 Pavilion 기업 포털의 Hanbit Beauty 멤버로 초대했습니다'],
    hello: 'Min-ji Park님, 안녕하세요.',
    days: '7일 안에',
  },
  ja: {
    verify: ['Pavilion のメールアドレスの確認', 'メールアドレスを確認してください'],
    reset: ['Pavilion のパスワードの再設定', '新しいパスワードを設定してください'],
    invite: ['Pavilion 企業ポータルで Hanbit Beauty に参加する', 'Kim Owner さんから、Pavilion 企業ポータルの Hanbit Beauty への参加の招待'],
    hello: 'Min-ji Park 様',
    days: '7日以内に',
  },
  zh: {
    verify: ['验证您在 Pavilion 的电子邮箱', '请验证您的电子邮箱地址'],
    reset: ['重置您的 Pavilion 密码', '请在一小时内通过此链接设置新密码'],
    invite: ['加入 Pavilion 企业门户中的 Hanbit Beauty', 'Kim Owner 邀请您加入 Pavilion 企业门户中的 Hanbit Beauty'],
    hello: 'Min-ji Park，您好：',
    days: '请在 7 天内打开此链接',
  },
  ru: {
    verify: ['Подтвердите адрес электронной почты для Pavilion', 'Чтобы завершить регистрацию на портале компании Pavilion'],
    reset: ['Сброс пароля Pavilion', 'задайте новый пароль по этой ссылке в течение часа'],
    invite: ['Присоединяйтесь к Hanbit Beauty на портале компании Pavilion', 'Kim Owner приглашает вас присоединиться к Hanbit Beauty'],
    hello: 'Здравствуйте, Min-ji Park!',
    days: 'в течение 7 дней',
  },
  vi: {
    verify: ['Xác nhận email của bạn cho Pavilion', 'Vui lòng xác nhận địa chỉ email'],
    reset: ['Đặt lại mật khẩu Pavilion', 'hãy đặt mật khẩu mới bằng liên kết này trong vòng một giờ'],
    invite: ['Tham gia Hanbit Beauty trên cổng doanh nghiệp Pavilion', 'Kim Owner đã mời bạn tham gia Hanbit Beauty'],
    hello: 'Xin chào Min-ji Park,',
    days: 'trong vòng 7 ngày',
  },
};

const english = expected.en;

describe.each(locales)('account e-mails in %s', (locale) => {
  const want = expected[locale];

  it('the verification e-mail greets by name and carries the link', () => {
    const m = accountMail({ kind: 'verify', name: 'Min-ji Park', locale, url });
    expect(m.subject).toBe(want.verify[0]);
    expect(m.text.split('\n')[0]).toBe(want.hello);
    expect(m.text).toContain(want.verify[1]);
    expect(m.text.split('\n')).toContain(url);
    if (locale !== 'en') expect(m.text).not.toContain(english.verify[1]);
  });

  it('the reset e-mail', () => {
    const m = accountMail({ kind: 'reset', name: 'Min-ji Park', locale, url });
    expect(m.subject).toBe(want.reset[0]);
    expect(m.text).toContain(want.reset[1]);
    expect(m.text.split('\n')).toContain(url);
    if (locale !== 'en') expect(m.subject).not.toBe(english.reset[0]);
  });

  it('the invitation names inviter, company and the days the link works', () => {
    const m = invitationMail({ locale, inviter: 'Kim Owner', company: 'Hanbit Beauty', url: joinUrl, days: 7 });
    expect(m.subject).toBe(want.invite[0]);
    expect(m.text).toContain(want.invite[1]);
    expect(m.text).toContain(want.days);
    expect(m.text.split('\n')).toContain(joinUrl);
    expect(m.text).not.toContain('{');
  });
});

describe('account e-mails, edge cases', () => {
  it('a language the portal does not have falls back to English', () => {
    expect(accountMail({ kind: 'verify', name: 'X', locale: 'de', url }).subject).toBe(english.verify[0]);
    expect(invitationMail({ locale: '', inviter: 'A', company: 'B', url: joinUrl, days: 7 }).subject).toBe('Join B in the Pavilion company portal');
  });

  it('Russian counts days with the right form; English says one day', () => {
    const ru = (days: number) => invitationMail({ locale: 'ru', inviter: 'A', company: 'B', url: joinUrl, days }).text;
    expect(ru(1)).toContain('в течение 1 дня');
    expect(ru(3)).toContain('в течение 3 дней');
    expect(ru(21)).toContain('в течение 21 дня');
    expect(invitationMail({ locale: 'en', inviter: 'A', company: 'B', url: joinUrl, days: 1 }).text).toContain('within 1 day,');
  });

  it('names stay on one line: no header or body injection through a name', () => {
    const m = invitationMail({ locale: 'ja', inviter: 'Evil\r\nBcc: x@y.example', company: 'Co\nX', url: joinUrl, days: 7 });
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.text).not.toContain('\nBcc:');
    expect(accountMail({ kind: 'reset', name: 'A\nB', locale: 'vi', url }).text.split('\n')[0]).toBe('Xin chào A B,');
  });
});
