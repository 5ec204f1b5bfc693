// The company's products with their state, and why staff turned one down.
import { useEffect, useState } from 'react';
import { api, type Problem } from '../../lib/portal/api.ts';
import { intlTag } from '../../i18n/locales.ts';
import { usePortal } from './context.ts';
import { ProblemAlert } from './messages.tsx';

type ProductRow = {
  slug: string; status: string; rejectionReason: string | null; updatedAt: string;
  names: { en: string; ko: string }; revisionPending: boolean;
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = usePortal();
  return <span className={`badge badge-${status}`} data-status={status}>{t(`portal.status.${status}`)}</span>;
}

export function ProductList({ company }: { company: string }) {
  const { t, locale } = usePortal();
  const [rows, setRows] = useState<ProductRow[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    void api<{ products: ProductRow[] }>('GET', `/api/portal/companies/${company}/products`).then((r) => {
      if (r.ok) setRows(r.data.products);
      else setProblem(r.problem);
    });
  }, [company]);

  if (problem) return <ProblemAlert problem={problem} />;
  if (!rows) return <p role="status">{t('portal.loading')}</p>;
  const date = new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="products-h">
      <h2 id="products-h">{t('portal.products.heading')}</h2>
      <p><a className="button" href="#products/new">{t('portal.products.new')}</a></p>
      {rows.length === 0 ? <p>{t('portal.products.none')}</p> : (
        <table className="list-table">
          <caption className="visually-hidden">{t('portal.products.heading')}</caption>
          <thead>
            <tr><th scope="col">{t('portal.products.name')}</th><th scope="col">{t('portal.products.state')}</th><th scope="col">{t('portal.products.updated')}</th></tr>
          </thead>
          <tbody>
            {rows.map((p) => {
              const name = (locale === 'ko' ? p.names.ko : p.names.en) || p.names.en || p.names.ko || p.slug;
              return (
                <tr key={p.slug} data-product={p.slug}>
                  <th scope="row"><a href={`#products/${p.slug}`}>{name}</a></th>
                  <td>
                    <StatusBadge status={p.status} />
                    {p.revisionPending && <> <span className="badge badge-submitted">{t('portal.products.revisionPending')}</span></>}
                    {p.status === 'rejected' && p.rejectionReason && <p className="reason">{t('portal.products.reason', { reason: p.rejectionReason })}</p>}
                  </td>
                  <td>{date.format(new Date(p.updatedAt))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
