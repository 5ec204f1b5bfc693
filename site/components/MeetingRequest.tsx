// The meeting-request form: shows free slots in the buyer's own zone, posts the request,
// then shows the confirmation with both sides' local times.
import { useEffect, useId, useState, type FormEvent } from 'react';

type LocalTime = { start: string; end: string; timeZone: string };
type Slot = { start: string; end: string; buyerTime: LocalTime; koreaTime: LocalTime };
type Confirmation = {
  id: string; status: string; startsAt: string; buyerTime: LocalTime; koreaTime: LocalTime;
  room: { name: string; location: string }; interpreter: { language: string } | null;
  videoUrl: string; manageUrl?: string; company: { name: string };
};
type Problem = { title: string; detail?: string; errors?: { path: string; message: string }[]; alternatives?: Slot[] };

const LANGUAGES: [string, string][] = [
  ['en', 'English'], ['ja', '日本語 (Japanese)'], ['zh', '中文 (Chinese)'], ['ru', 'Русский (Russian)'],
  ['vi', 'Tiếng Việt (Vietnamese)'], ['es', 'Español (Spanish)'], ['ko', '한국어 (Korean)'],
];
const COUNTRIES: [string, string][] = [
  ['US', 'United States'], ['JP', 'Japan'], ['CN', 'China'], ['VN', 'Vietnam'], ['RU', 'Russia'], ['DE', 'Germany'],
  ['GB', 'United Kingdom'], ['FR', 'France'], ['IN', 'India'], ['ID', 'Indonesia'], ['TH', 'Thailand'], ['MY', 'Malaysia'],
  ['PH', 'Philippines'], ['SG', 'Singapore'], ['AU', 'Australia'], ['CA', 'Canada'], ['MX', 'Mexico'], ['BR', 'Brazil'],
  ['AE', 'United Arab Emirates'], ['SA', 'Saudi Arabia'], ['TR', 'Türkiye'], ['KZ', 'Kazakhstan'], ['UZ', 'Uzbekistan'],
  ['ES', 'Spain'], ['IT', 'Italy'], ['NL', 'Netherlands'], ['PL', 'Poland'], ['EG', 'Egypt'], ['NG', 'Nigeria'], ['CL', 'Chile'],
];

export function formatLocal(t: LocalTime, withZone = true): string {
  // t.start carries its own offset; show the wall time written there, in the zone named.
  const d = new Date(t.start);
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone: t.timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(d);
  return withZone ? `${text} (${t.timeZone})` : text;
}

function browserZone(): string {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'; } catch { return 'UTC'; }
}

export default function MeetingRequest(props: { productSlug?: string; companySlug?: string; companyName: string }) {
  const id = useId();
  // Filled in the browser only: server-rendering ~400 zone options would weigh down every page.
  const [zones, setZones] = useState<string[]>([]);
  const [timeZone, setTimeZone] = useState('UTC');
  const [language, setLanguage] = useState('en');
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [choice, setChoice] = useState('first');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<Confirmation | { status: 'queued'; message: string } | null>(null);

  useEffect(() => {
    setTimeZone(browserZone());
    setZones(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC']);
  }, []);
  const target = props.productSlug ? `products/${props.productSlug}` : `companies/${props.companySlug}`;

  useEffect(() => {
    const controller = new AbortController();
    setSlots(null);
    fetch(`/api/${target}/slots?tz=${encodeURIComponent(timeZone)}&language=${encodeURIComponent(language)}`, { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : { slots: [] }))
      .then((body: { slots: Slot[] }) => setSlots(body.slots.slice(0, 24)))
      .catch(() => {});
    return () => controller.abort();
  }, [target, timeZone, language]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setProblem(null);
    try {
      const res = await fetch('/api/meeting-requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...(props.productSlug ? { productSlug: props.productSlug } : { companySlug: props.companySlug }),
          buyer: {
            name: f.get('name'), company: f.get('company'), country: f.get('country'), email: f.get('email'),
            language, timeZone,
          },
          preferredSlots: choice === 'first' ? [] : [choice],
          interpreter: f.get('interpreter') ?? 'auto',
          message: f.get('message') ?? '',
        }),
      });
      const body = await res.json();
      if (res.status === 201 || res.status === 202) setDone(body);
      else {
        setProblem(body as Problem);
        if ((body as Problem).alternatives) setSlots((body as Problem).alternatives!);
      }
    } catch {
      setProblem({ title: 'Could not reach the server', detail: 'Check your connection and try again.' });
    } finally {
      setBusy(false);
    }
  }

  if (done && done.status === 'queued') {
    return <div className="confirmation" role="status"><h3>Request received</h3><p>{(done as { message: string }).message}</p></div>;
  }
  if (done) {
    const c = done as Confirmation;
    return (
      <div className="confirmation" role="status" data-testid="confirmation">
        <h3>Your video meeting is scheduled</h3>
        <dl className="facts">
          <dt>Your time</dt><dd data-testid="buyer-time">{formatLocal(c.buyerTime)}</dd>
          <dt>Korea time</dt><dd data-testid="korea-time">{formatLocal(c.koreaTime)}</dd>
          <dt>Room</dt><dd data-testid="room">{c.room.name}, {c.room.location}</dd>
          <dt>Interpreter</dt><dd>{c.interpreter ? `booked (${c.interpreter.language})` : 'not needed'}</dd>
          <dt>Video link</dt><dd><a href={c.videoUrl} rel="noopener">{c.videoUrl}</a></dd>
        </dl>
        {c.manageUrl && (
          <>
            <p><a href={`${c.manageUrl}/invite.ics`} download>Add to your calendar (.ics)</a></p>
            <p>Keep this private link to see, move or cancel the meeting: <a href={c.manageUrl}>manage your meeting</a></p>
          </>
        )}
      </div>
    );
  }

  return (
    <form onSubmit={submit} aria-describedby={problem ? `${id}-problem` : undefined}>
      <div className="form-grid">
        <label>Your name<input name="name" required maxLength={120} autoComplete="name" /></label>
        <label>Your company<input name="company" required maxLength={160} autoComplete="organization" /></label>
        <label>Country
          <select name="country" required defaultValue="">
            <option value="" disabled>Choose…</option>
            {COUNTRIES.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </label>
        <label>E-mail<input name="email" type="email" required maxLength={254} autoComplete="email" /></label>
        <label>Your time zone
          <select name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
            {(zones.includes(timeZone) ? zones : [timeZone, ...zones]).map((z) => <option key={z} value={z}>{z}</option>)}
          </select>
        </label>
        <label>Language
          <select name="language" value={language} onChange={(e) => setLanguage(e.target.value)}>
            {LANGUAGES.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </label>
        <label>Interpreter
          <select name="interpreter" defaultValue="auto">
            <option value="auto">If the company does not speak my language</option>
            <option value="required">Yes, always</option>
            <option value="none">No</option>
          </select>
        </label>
      </div>
      <fieldset>
        <legend>When? Times in {timeZone}</legend>
        {slots === null ? <p>Loading free times…</p> : (
          <div className="slots">
            <label><input type="radio" name="slot" value="first" checked={choice === 'first'} onChange={() => setChoice('first')} /> First available</label>
            {slots.map((s) => (
              <label key={s.start}>
                <input type="radio" name="slot" value={s.start} checked={choice === s.start} onChange={() => setChoice(s.start)} />
                {formatLocal(s.buyerTime, false)} <span className="muted">· Korea {formatLocal(s.koreaTime, false)}</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <label style={{ display: 'flex', flexDirection: 'column', fontWeight: 600 }}>Message to {props.companyName} (optional)
        <textarea name="message" rows={3} maxLength={2000} />
      </label>
      {problem && (
        <div id={`${id}-problem`} className="error" role="alert">
          <p><strong>{problem.title}</strong> {problem.detail}</p>
          {problem.errors && <ul>{problem.errors.map((e) => <li key={e.path}>{e.path}: {e.message}</li>)}</ul>}
        </div>
      )}
      <p><button type="submit" disabled={busy}>{busy ? 'Booking…' : 'Request a video meeting'}</button></p>
    </form>
  );
}
