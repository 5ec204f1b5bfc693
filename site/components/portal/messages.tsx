// Status lines: what went well (role=status) and what went wrong (role=alert), in the
// portal's language. Under a refusal's headline, the refusal itself: in the portal's language
// when the API names it by a known code, else the API's own English detail (marked English).
import type { Problem } from '../../lib/portal/api.ts';
import { refusalSentence } from '../../lib/portal/problem-text.ts';
import { usePortal } from './context.ts';

export function StatusLine({ text }: { text: string }) {
  return <p role="status" className="status-ok">{text}</p>;
}

function headline(t: (k: string) => string, p: Problem): string {
  switch (p.status) {
    case 0: return t('portal.problem.network');
    case 400: return p.errors?.length ? t('portal.problem.fields') : t('portal.problem.invalid');
    case 401: return t('portal.problem.signedOut');
    case 403: return t('portal.problem.forbidden');
    case 404: return t('portal.problem.notFound');
    case 409: return t('portal.problem.conflict');
    case 413: return t('portal.problem.tooLarge');
    case 429: return t('portal.problem.tooMany');
    default: return t('portal.problem.other');
  }
}

export function ProblemAlert({ problem, text }: { problem: Problem; text?: string | undefined }) {
  const { t, locale } = usePortal();
  const title = text ?? headline(t, problem);
  // Field errors sit under their fields; the summary only says there are some. A caller's own
  // headline may already be the coded sentence: it is not said twice.
  const sentence = refusalSentence(t, locale, problem);
  const said = sentence && sentence.text !== title ? sentence : undefined;
  return (
    <div role="alert" className="problem">
      <p><strong>{title}</strong></p>
      {said && <p lang={said.english && locale !== 'en' ? 'en' : undefined}>{said.text}</p>}
    </div>
  );
}
