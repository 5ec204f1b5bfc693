// Product search: results as you type, facet counts as filters that combine, sorting and
// paging, all of it in the URL (?q=&pavilion=&certification=&sort=&page=) so a search can
// be shared and the back button works. Answered by /api/search.
import { useEffect, useState } from 'react';

type Hit = { slug: string; name: string; summary: string; companyName: string; pavilion: string; pavilionName?: string };
type Facets = { pavilion?: Record<string, number>; certifications?: Record<string, number> };
type Result = { hits: Hit[]; estimatedTotalHits: number; facets?: Facets };
type State = { q: string; pavilion: string; certifications: string[]; sort: string; page: number };

const PAGE_SIZE = 24;
const SUGGESTIONS = ['KF94 mask', 'vitamin C serum', 'transformer', 'red ginseng', '마스크'];

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

export default function SearchIsland(props: { pavilions: Record<string, string> }) {
  const [state, setState] = useState<State>({ q: '', pavilion: '', certifications: [], sort: 'relevance', page: 1 });
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setState(readUrl());
    const onPop = () => setState(readUrl());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

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
      p.set('facets', '1');
      fetch(`/api/search?${p}`, { signal: controller.signal })
        .then(async (r) => {
          if (!r.ok) throw new Error(((await r.json()) as { detail?: string }).detail ?? 'Search failed');
          return r.json() as Promise<Result>;
        })
        .then((r) => { setResult(r); setError(null); })
        .catch((e: Error) => { if (e.name !== 'AbortError') setError(e.message); });
    }, 150);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [state]);

  const total = result?.estimatedTotalHits ?? 0;
  const pages = Math.max(1, Math.ceil(Math.min(total, 1000) / PAGE_SIZE));
  const pavilionFacet = Object.entries(result?.facets?.pavilion ?? {}).sort((a, b) => b[1] - a[1]);
  const certificationFacet = Object.entries(result?.facets?.certifications ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 12);
  const toggleCertification = (c: string) =>
    update({ certifications: state.certifications.includes(c) ? state.certifications.filter((x) => x !== c) : [...state.certifications, c] });

  return (
    <div className="search-layout">
      <form role="search" className="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="q">Search</label>
        <input id="q" name="q" type="search" value={state.q} onChange={(e) => update({ q: e.target.value }, false)} placeholder="Product, material or certification" autoComplete="off" />
        <label htmlFor="sort">Sort by</label>
        <select id="sort" value={state.sort} onChange={(e) => update({ sort: e.target.value })}>
          <option value="relevance">Best match</option>
          <option value="newest">Newest</option>
          <option value="moq">Smallest minimum order</option>
        </select>
      </form>
      <div className="layout-2">
        <div>
          <div aria-live="polite" aria-atomic="true">
            {error && <p className="error">{error}</p>}
            {result && <p data-testid="result-count">{total.toLocaleString('en')} products found{pages > 1 ? ` · page ${state.page} of ${pages}` : ''}</p>}
          </div>
          {result && result.hits.length === 0 && (
            <div>
              <p>Nothing matched. Try fewer words, another spelling, or one of these:</p>
              <ul className="tags">{SUGGESTIONS.map((s) => <li key={s}><button type="button" className="secondary" onClick={() => update({ q: s, pavilion: '', certifications: [] })}>{s}</button></li>)}</ul>
            </div>
          )}
          {result && (
            <ul className="grid">
              {result.hits.map((h) => (
                <li key={h.slug} className="card">
                  <h2><a href={`/products/${h.slug}/`}>{h.name}</a></h2>
                  <p>{h.summary}</p>
                  <p className="muted">{h.companyName} · {h.pavilionName ?? props.pavilions[h.pavilion] ?? h.pavilion}</p>
                </li>
              ))}
            </ul>
          )}
          {pages > 1 && (
            <nav className="pagination" aria-label="Result pages">
              <ul>
                {state.page > 1 && <li><a href={`?${toParams({ ...state, page: state.page - 1 })}`} onClick={(e) => { e.preventDefault(); update({ page: state.page - 1 }); }}>‹ Previous</a></li>}
                <li><a href={`?${toParams(state)}`} aria-current="page">{state.page}</a></li>
                {state.page < pages && <li><a href={`?${toParams({ ...state, page: state.page + 1 })}`} onClick={(e) => { e.preventDefault(); update({ page: state.page + 1 }); }}>Next ›</a></li>}
              </ul>
            </nav>
          )}
        </div>
        <aside aria-label="Filters">
          {pavilionFacet.length > 0 && (
            <fieldset>
              <legend>Pavilion</legend>
              <label><input type="radio" name="pavilion" checked={state.pavilion === ''} onChange={() => update({ pavilion: '' })} /> All pavilions</label>
              {pavilionFacet.map(([slug, n]) => (
                <label key={slug}><input type="radio" name="pavilion" checked={state.pavilion === slug} onChange={() => update({ pavilion: slug })} /> {props.pavilions[slug] ?? slug} ({n})</label>
              ))}
            </fieldset>
          )}
          {(certificationFacet.length > 0 || state.certifications.length > 0) && (
            <fieldset>
              <legend>Certifications (all of)</legend>
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
