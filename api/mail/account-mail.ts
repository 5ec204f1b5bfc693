// The e-mails an account sends: verify the address, reset the password. In the user's
// language (English or Korean). Pure.
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
