// Signed in: the company's pages (profile, hours, products, meetings, and members for its
// owners) behind a small menu.
// The page part lives in the URL's hash (#products/<slug>), so a reload keeps the place.
import { useEffect, useRef, useState } from 'react';
import { api } from '../../lib/portal/api.ts';
import { clearDrafts } from '../../lib/portal/drafts.ts';
import { usePortal } from './context.ts';
import { AvailabilityForm } from './AvailabilityForm.tsx';
import { CompanyProfileForm } from './CompanyProfileForm.tsx';
import { Inbox } from './Inbox.tsx';
import { Members } from './Members.tsx';
import { ProductEditor, type PavilionChoice } from './ProductEditor.tsx';
import { ProductList } from './ProductList.tsx';

export type Me = {
  user: { id: string; name: string; email: string; role: string; locale: string; emailVerified: boolean };
  companies: {
    slug: string; role: string | null; names: { en: string; ko: string };
    /** Suspended by staff: its members still work here, and read why (the reason is staff's own words). */
    status?: 'active' | 'suspended'; suspension?: { reason: string | null } | null;
    /** Public yet: it has a page and takes requests once staff have approved one of its products. */
    listed?: boolean;
  }[];
};

const SECTIONS = ['products', 'profile', 'hours', 'meetings', 'members'] as const;
type Section = (typeof SECTIONS)[number];

function readHash(): { section: Section; product: string | null } {
  const [head = '', rest] = (globalThis.location?.hash ?? '').replace(/^#/, '').split('/');
  const section = (SECTIONS as readonly string[]).includes(head) ? (head as Section) : 'products';
  return { section, product: section === 'products' && rest ? decodeURIComponent(rest) : null };
}

function useHashRoute() {
  const [route, setRoute] = useState(readHash);
  useEffect(() => {
    const update = () => setRoute(readHash());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function Dashboard({ me, pavilions, onChanged }: { me: Me; pavilions: PavilionChoice[]; onChanged: () => void }) {
  const { t, locale } = usePortal();
  const route = useHashRoute();
  const [company, setCompany] = useState(me.companies[0]?.slug ?? null);
  const current = me.companies.find((c) => c.slug === company) ?? me.companies[0];
  // Drafts someone else left on this browser (their session expired) are not this user's to see.
  useEffect(() => clearDrafts(me.user.id), [me.user.id]);
  // Staff change what the notices below say (a first product approved, a suspension): read the
  // account again on each move to another section, not only when the portal is opened.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) onChanged();
    opened.current = true;
  }, [route.section]); // onChanged is PortalApp's stable load()

  async function signOut() {
    clearDrafts();
    await api('POST', '/api/auth/sign-out', {});
    window.location.hash = '';
    onChanged();
  }

  const account = (
    <div className="account">
      <p>{t('portal.account.signedInAs', { name: me.user.name, email: me.user.email })}</p>
      {(me.user.role === 'staff' || me.user.role === 'admin') && <p><a href="/control/moderation/" hrefLang={locale === 'en' ? undefined : 'en'}>{t('portal.account.moderation')}</a></p>}
      <button type="button" className="secondary" onClick={signOut}>{t('portal.account.signOut')}</button>
    </div>
  );

  if (!current) {
    return (
      <>
        {account}
        <CompanyProfileForm onSaved={() => { window.location.hash = 'profile'; onChanged(); }} />
      </>
    );
  }

  const name = (locale === 'ko' ? current.names.ko : current.names.en) || current.names.en || current.slug;
  const product = route.product;
  // Managing members is for owners; everyone else sees the other sections only.
  const owner = current.role === 'owner';
  const sections = SECTIONS.filter((s) => s !== 'members' || owner);
  const section = route.section === 'members' && !owner ? 'products' : route.section;
  return (
    <>
      {account}
      <div className="company-bar">
        {me.companies.length > 1 ? (
          <p>
            <label htmlFor="portal-company">{t('portal.account.company')}</label>{' '}
            <select id="portal-company" value={current.slug} onChange={(e) => setCompany(e.target.value)}>
              {me.companies.map((c) => <option key={c.slug} value={c.slug}>{(locale === 'ko' ? c.names.ko : c.names.en) || c.slug}</option>)}
            </select>
          </p>
        ) : <p className="company-name">{name}</p>}
        <nav aria-label={t('portal.nav.label')} className="portal-nav">
          <ul>
            {sections.map((s) => (
              <li key={s}><a href={`#${s}`} aria-current={section === s ? 'page' : undefined}>{t(`portal.nav.${s}`)}</a></li>
            ))}
          </ul>
        </nav>
      </div>
      {current.status === 'suspended' && (
        <div className="notice" data-testid="company-suspended">
          <p><strong>{t('portal.suspended.title')}</strong></p>
          <p>{t('portal.suspended.body')}</p>
          {current.suspension?.reason && <p>{t('portal.suspended.reason')} <span>{current.suspension.reason}</span></p>}
        </div>
      )}
      {current.status === 'active' && current.listed === false && (
        <div className="notice" data-testid="company-unlisted">
          <p><strong>{t('portal.unlisted.title')}</strong></p>
          <p>{t('portal.unlisted.body')}</p>
        </div>
      )}
      {section === 'profile' && <CompanyProfileForm key={current.slug} slug={current.slug} onSaved={onChanged} />}
      {section === 'hours' && <AvailabilityForm key={current.slug} slug={current.slug} />}
      {section === 'meetings' && <Inbox key={current.slug} company={current.slug} />}
      {section === 'members' && <Members key={current.slug} company={current.slug} onLeft={() => { window.location.hash = ''; onChanged(); }} />}
      {section === 'products' && (product
        ? <ProductEditor key={`${current.slug}/${product}`} user={me.user.id} company={current.slug} slug={product === 'new' ? null : product} pavilions={pavilions}
            onCreated={(slug) => { window.location.hash = `products/${slug}`; }} />
        : <ProductList key={current.slug} company={current.slug} />)}
    </>
  );
}
