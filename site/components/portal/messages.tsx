// Status lines: what went well (role=status) and what went wrong (role=alert), in the
// portal's language; the API's own English detail follows a refusal where it says more.
import type { Problem } from '../../lib/portal/api.ts';
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
  // Field errors sit under their fields; the summary only says there are some.
  const detail = problem.errors?.length || problem.status === 0 ? undefined : problem.detail;
  return (
    <div role="alert" className="problem">
      <p><strong>{text ?? headline(t, problem)}</strong></p>
      {detail && <p lang={locale === 'en' ? undefined : 'en'}>{detail}</p>}
    </div>
  );
}
