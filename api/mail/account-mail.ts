// The e-mails an account sends: verify the address, reset the password, and the invitation
// to join a company. In the user's language (English or Korean). Pure.
export type AccountMailKind = 'verify' | 'reset';

const texts = {
  en: {
    verify: { subject: 'Confirm your e-mail for Pavilion', body: 'Please confirm your e-mail address to finish signing up for the Pavilion company portal. The link works for 24 hours:' },
    reset: { subject: 'Reset your Pavilion password', body: 'Someone asked to reset the password of your Pavilion account. If it was you, choose a new password with this link within one hour:' },
    ignore: 'If you did not ask for this, ignore this e-mail; nothing changes.',
    hello: (name: string) => `Hello ${name},`,
    sign: 'Pavilion, the online exhibition hall for Korean exporters',
  },
  ko: {
    verify: { subject: 'Pavilion 이메일 인증', body: 'Pavilion 기업 포털 가입을 마치려면 이메일 주소를 인증해 주세요. 링크는 24시간 동안 유효합니다:' },
    reset: { subject: 'Pavilion 비밀번호 재설정', body: 'Pavilion 계정의 비밀번호 재설정이 요청되었습니다. 본인이 요청하셨다면 1시간 안에 아래 링크에서 새 비밀번호를 정하세요:' },
    ignore: '요청하지 않으셨다면 이 메일을 무시하세요. 아무것도 바뀌지 않습니다.',
    hello: (name: string) => `${name}님, 안녕하세요.`,
    sign: 'Pavilion, 한국 수출기업 온라인 전시관',
  },
};

export function accountMail(m: { kind: AccountMailKind; name: string; locale: string; url: string }): { subject: string; text: string } {
  const t = m.locale === 'ko' ? texts.ko : texts.en;
  const name = m.name.replace(/[\r\n]+/g, ' ').slice(0, 100);
  return { subject: t[m.kind].subject, text: [t.hello(name), '', t[m.kind].body, m.url, '', t.ignore, '', t.sign].join('\n') };
}

const invitationTexts = {
  en: {
    subject: (company: string) => `Join ${company} in the Pavilion company portal`,
    body: (inviter: string, company: string, days: number) => [
      'Hello,',
      '',
      `${inviter} has invited you to join ${company} in the Pavilion company portal, where Korean exporters keep their company profile and products and answer buyers' meeting requests.`,
      '',
      `To accept, open this link within ${days} days, then sign in or create an account with the e-mail address this message was sent to:`,
    ],
    once: 'The link works once. If you did not expect this invitation, ignore this e-mail; nothing changes.',
  },
  ko: {
    subject: (company: string) => `Pavilion 기업 포털: ${company} 멤버 초대`,
    body: (inviter: string, company: string, days: number) => [
      '안녕하세요.',
      '',
      `${inviter}님이 Pavilion 기업 포털의 ${company} 멤버로 초대했습니다. 기업 포털에서는 한국 수출기업이 회사 정보와 제품을 관리하고 바이어의 화상상담 요청에 답합니다.`,
      '',
      `초대를 수락하려면 ${days}일 안에 아래 링크를 연 뒤, 이 메일을 받은 주소로 로그인하거나 계정을 만드세요:`,
    ],
    once: '링크는 한 번만 쓸 수 있습니다. 초대를 예상하지 못하셨다면 이 메일을 무시하세요. 아무것도 바뀌지 않습니다.',
  },
};

/** An invitation to join a company. The link carries only the token, never the address. */
export function invitationMail(m: { locale: string; inviter: string; company: string; url: string; days: number }): { subject: string; text: string } {
  const locale = m.locale === 'ko' ? 'ko' : 'en';
  const t = invitationTexts[locale];
  const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim().slice(0, 120);
  const company = oneLine(m.company);
  return {
    subject: t.subject(company),
    text: [...t.body(oneLine(m.inviter), company, m.days), m.url, '', t.once, '', texts[locale].sign].join('\n'),
  };
}
