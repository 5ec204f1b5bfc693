// Results as you type, answered by /api/search; the query lives in the URL (?q=) so a
// search can be shared and the back button works.
import { useEffect, useState } from 'react';

type Hit = { slug: string; name: string; summary: string; companyName: string; pavilion: string };
type Result = { hits: Hit[]; estimatedTotalHits: number };

export default function SearchIsland() {
  const [q, setQ] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const initial = new URLSearchParams(location.search).get('q') ?? '';
    setQ(initial);
    const onPop = () => setQ(new URLSearchParams(location.search).get('q') ?? '');
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const url = new URL(location.href);
      if ((url.searchParams.get('q') ?? '') !== q) {
        if (q) url.searchParams.set('q', q);
        else url.searchParams.delete('q');
        history.replaceState(null, '', url);
      }
      if (!q.trim()) return setResult(null);
      fetch(`/api/search?q=${encodeURIComponent(q)}&limit=24`, { signal: controller.signal })
        .then(async (r) => {
          if (!r.ok) throw new Error(((await r.json()) as { detail?: string }).detail ?? 'Search failed');
          return r.json() as Promise<Result>;
        })
        .then((r) => { setResult(r); setError(null); })
        .catch((e: Error) => { if (e.name !== 'AbortError') setError(e.message); });
    }, 150);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [q]);

  return (
    <div>
      <form role="search" className="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="q">Search</label>
        <input id="q" name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Product, material or certification" autoComplete="off" />
      </form>
      <div aria-live="polite">
        {error && <p className="error">{error}</p>}
        {result && <p>{result.estimatedTotalHits.toLocaleString('en')} products found</p>}
        {result && result.hits.length === 0 && <p>Nothing matched. Try fewer words or another spelling.</p>}
      </div>
      {result && (
        <ul className="grid">
          {result.hits.map((h) => (
            <li key={h.slug} className="card">
              <h2><a href={`/products/${h.slug}/`}>{h.name}</a></h2>
              <p>{h.summary}</p>
              <p className="muted">{h.companyName}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
