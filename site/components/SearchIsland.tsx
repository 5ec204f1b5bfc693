// Product search: results as you type, facet counts as filters that combine, sorting and
// paging, all of it in the URL (?q=&pavilion=&certification=&sort=&page=) so a search can
// be shared and the back button works. Answered by /api/search, in the page's locale.
import { useEffect, useMemo, useState } from 'react';
import { createTranslator, type Messages } from '../i18n/format.ts';
import type { Locale } from '../i18n/locales.ts';

type Segment = { text: string; match: boolean };
type Hit = { slug: string; name: string; summary: string; companyName: string; pavilion: string; pavilionName?: string; nameSegments?: Segment[] };
type Named = { slug: string; name: { text: string; segments: Segment[] } };
type Directory = { companies: { hits: (Named & { region: string })[] }; pavilions: { hits: Named[] } };

/** Matched words in <mark>, every part as text: nothing from the index becomes markup. */
function Highlight({ segments, text }: { segments?: Segment[] | undefined; text: string }) {
  if (!segments?.length) return <>{text}</>;
  return <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
type Facets = { pavilion?: Record<string, number>; certifications?: Record<string, number> };
type Result = { hits: Hit[]; estimatedTotalHits: number; facets?: Facets };
type State = { q: string; pavilion: string; certifications: string[]; sort: string; page: number };

const PAGE_SIZE = 24;

function readUrl(): State {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get('q') ?? '',
    pavilion: p.get('pavilion') ?? '',
    certifications: p.getAll('certification'),
    sort: p.get('sort') ?? 'relevance',
    page: Math.max(1, Number(p.get('page')) || 1),
  };
}

function toParams(s: State): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.pavilion) p.set('pavilion', s.pavilion);
  for (const c of s.certifications) p.append('certification', c);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  return p;
}

export type SearchIslandProps = {
  pavilions: Record<string, string>;
  locale: Locale;
  messages: Messages;
  /** URL prefix of product pages in this locale (`/ko/products/`), `/products/` for English. */
  productBase: string;
  /**
   * Where the slugs with a product page in this locale are listed, for locales in which
   * only some products have one; results without one link to the English page.
   */
  productIndex?: string | undefined;
};

export default function SearchIsland(props: SearchIslandProps) {
  const { locale, messages } = props;
  const t = useMemo(() => createTranslator(locale, messages), [locale, messages]);
  const suggestions = useMemo(() => t('search.suggestions').split('|'), [t]);
  const [localSlugs, setLocalSlugs] = useState<Set<string> | null>(null);
  const [state, setState] = useState<State>({ q: '', pavilion: '', certifications: [], sort: 'relevance', page: 1 });
  const [result, setResult] = useState<Result | null>(null);
  const [directory, setDirectory] = useState<Directory | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setState(readUrl());
    const onPop = () => setState(readUrl());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    if (!props.productIndex) return;
    fetch(props.productIndex)
      .then((r) => (r.ok ? (r.json() as Promise<string[]>) : []))
      .then((slugs) => setLocalSlugs(new Set(slugs)))
      .catch(() => {});
  }, [props.productIndex]);
  const productLink = (slug: string) =>
    !props.productIndex || localSlugs?.has(slug)
      ? { href: `${props.productBase}${slug}/` }
      : { href: `/products/${slug}/`, hrefLang: 'en' };

  // Pages of this locale: products under productBase; companies likewise where the locale
  // has every company page (en, ko), else the English page, marked as such.
  const base = (section: string) => props.productBase.replace('/products/', section);
  const companyLink = (slug: string) =>
    props.productIndex ? { href: `/companies/${slug}/`, hrefLang: 'en' } : { href: `${base('/companies/')}${slug}/` };

  // A change of filters or sort starts again at page 1; a new query waits for typing to pause.
  const update = (patch: Partial<State>, push = true) => {
    const next = { ...state, page: 1, ...patch };
    setState(next);
    const url = `${location.pathname}${toParams(next).size ? `?${toParams(next)}` : ''}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const p = toParams(state);
      p.delete('page');
      p.set('limit', String(PAGE_SIZE));
      p.set('offset', String((state.page - 1) * PAGE_SIZE));
      p.set('facets', 'pavilion,certifications'); // the two this page shows: each costs the engine a count
      p.set('locale', locale);
      // Companies and pavilions whose names match, beside the products (first page, no filters).
      if (state.q.trim() && state.page === 1 && !state.pavilion && state.certifications.length === 0) {
        fetch(`/api/search/all?${new URLSearchParams({ q: state.q, locale })}`, { signal: controller.signal })
          .then((r) => (r.ok ? (r.json() as Promise<Directory>) : null))
          .then((d) => setDirectory(d))
          .catch(() => {});
      } else {
        setDirectory(null);
      }
      fetch(`/api/search?${p}`, { signal: controller.signal })
        .then(async (r) => {
          if (!r.ok) throw new Error(`search answered ${r.status}`);
          return r.json() as Promise<Result>;
        })
        // The engine's own error text is English and technical: the reader gets one plain sentence.
        .then((r) => { setResult(r); setError(null); })
        .catch((e: Error) => { if (e.name !== 'AbortError') setError(t('search.failed')); });
    }, 150);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [state, locale, t]);

  const total = result?.estimatedTotalHits ?? 0;
  const pages = Math.max(1, Math.ceil(Math.min(total, 1000) / PAGE_SIZE));
  const pavilionFacet = Object.entries(result?.facets?.pavilion ?? {}).sort((a, b) => b[1] - a[1]);
  const certificationFacet = Object.entries(result?.facets?.certifications ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 12);
  const toggleCertification = (c: string) =>
    update({ certifications: state.certifications.includes(c) ? state.certifications.filter((x) => x !== c) : [...state.certifications, c] });

  return (
    <div className="search-layout">
      <form role="search" className="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="q">{t('search.label')}</label>
        <input id="q" name="q" type="search" value={state.q} onChange={(e) => update({ q: e.target.value }, false)} placeholder={t('search.placeholder')} autoComplete="off" />
        <label htmlFor="sort">{t('search.sortBy')}</label>
        <select id="sort" value={state.sort} onChange={(e) => update({ sort: e.target.value })}>
          <option value="relevance">{t('search.sortRelevance')}</option>
          <option value="newest">{t('search.sortNewest')}</option>
          <option value="moq">{t('search.sortMoq')}</option>
        </select>
      </form>
      <div className="layout-2">
        <div>
          <div aria-live="polite" aria-atomic="true">
            {error && <p className="error">{error}</p>}
            {result && <p data-testid="result-count">{t('search.found', { count: total })}{pages > 1 ? ` · ${t('search.pageOf', { page: String(state.page), pages: String(pages) })}` : ''}</p>}
          </div>
          {result && result.hits.length === 0 && (
            <div>
              <p>{t('search.nothing')}</p>
              <ul className="tags">{suggestions.map((s) => <li key={s}><button type="button" className="secondary" onClick={() => update({ q: s, pavilion: '', certifications: [] })}>{s}</button></li>)}</ul>
            </div>
          )}
          {directory && (directory.companies.hits.length > 0 || directory.pavilions.hits.length > 0) && (
            <div className="directory" data-testid="directory">
              {directory.companies.hits.length > 0 && (
                <section aria-labelledby="found-companies">
                  <h2 id="found-companies">{t('search.companies')}</h2>
                  <ul className="tags">
                    {directory.companies.hits.map((c) => (
                      <li key={c.slug}><a {...companyLink(c.slug)}><Highlight segments={c.name.segments} text={c.name.text} /></a></li>
                    ))}
                  </ul>
                </section>
              )}
              {directory.pavilions.hits.length > 0 && (
                <section aria-labelledby="found-pavilions">
                  <h2 id="found-pavilions">{t('search.matchingPavilions')}</h2>
                  <ul className="tags">
                    {directory.pavilions.hits.map((v) => (
                      <li key={v.slug}><a href={`${base('/pavilions/')}${v.slug}/`}><Highlight segments={v.name.segments} text={v.name.text} /></a></li>
                    ))}
                  </ul>
                </section>
              )}
            </div>
          )}
          {result && (
            <ul className="grid">
              {result.hits.map((h) => (
                <li key={h.slug} className="card">
                  <h2><a {...productLink(h.slug)}><Highlight segments={h.nameSegments} text={h.name} /></a></h2>
                  <p>{h.summary}</p>
                  <p className="muted">{h.companyName} · {h.pavilionName ?? props.pavilions[h.pavilion] ?? h.pavilion}</p>
                </li>
              ))}
            </ul>
          )}
          {pages > 1 && (
            <nav className="pagination" aria-label={t('search.resultPages')}>
              <ul>
                {state.page > 1 && <li><a href={`?${toParams({ ...state, page: state.page - 1 })}`} onClick={(e) => { e.preventDefault(); update({ page: state.page - 1 }); }}>{t('search.previous')}</a></li>}
                <li><a href={`?${toParams(state)}`} aria-current="page">{state.page}</a></li>
                {state.page < pages && <li><a href={`?${toParams({ ...state, page: state.page + 1 })}`} onClick={(e) => { e.preventDefault(); update({ page: state.page + 1 }); }}>{t('search.next')}</a></li>}
              </ul>
            </nav>
          )}
        </div>
        <aside aria-label={t('search.filters')}>
          {pavilionFacet.length > 0 && (
            <fieldset>
              <legend>{t('search.pavilion')}</legend>
              <label><input type="radio" name="pavilion" checked={state.pavilion === ''} onChange={() => update({ pavilion: '' })} /> {t('search.allPavilions')}</label>
              {pavilionFacet.map(([slug, n]) => (
                <label key={slug}><input type="radio" name="pavilion" checked={state.pavilion === slug} onChange={() => update({ pavilion: slug })} /> {props.pavilions[slug] ?? slug} ({n})</label>
              ))}
            </fieldset>
          )}
          {(certificationFacet.length > 0 || state.certifications.length > 0) && (
            <fieldset>
              <legend>{t('search.certifications')}</legend>
              {[...new Set([...state.certifications, ...certificationFacet.map(([c]) => c)])].map((c) => (
                <label key={c}>
                  <input type="checkbox" checked={state.certifications.includes(c)} onChange={() => toggleCertification(c)} /> {c}
                  {result?.facets?.certifications?.[c] !== undefined ? ` (${result.facets.certifications[c]})` : ''}
                </label>
              ))}
            </fieldset>
          )}
        </aside>
      </div>
    </div>
  );
}
