/** @jsxImportSource preact */
// The meeting-request form: shows free slots in the buyer's own zone, posts the request,
// then shows the confirmation with both sides' local times. Its words (messages, country
// and language names) are the page locale's, made at build time with the build's Intl so
// the server render and the hydrated form read the same; they travel in the island's code,
// once for every page, not in each page's props.
// Written for Preact, not React: it sits above the fold of every product page and hydrates
// at once, and React DOM's ~60 KB (compressed) of script blocked the main thread for
// hundreds of milliseconds on a phone (Lighthouse's Total Blocking Time). Preact's DOM
// events are the browser's: selects and radios use onChange (fired on change), text fields
// are read from the form on submit.
import type { TargetedEvent } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { createTranslator, messageParts, type Translate } from '../i18n/format.ts';
import { intlTag, type Locale } from '../i18n/locales.ts';
import { formatWallTime, SLOT_TIME_OPTIONS } from '../i18n/wall-time.ts';
import { attemptFor, type Attempt } from '../lib/idempotency.ts';
import meetingStrings from 'virtual:pavilion/meeting-strings';

type LocalTime = { start: string; end: string; timeZone: string };
type Slot = { start: string; end: string; buyerTime: LocalTime; koreaTime: LocalTime };
type Confirmation = {
  id: string; status: string; startsAt: string; buyerTime: LocalTime; koreaTime: LocalTime;
  room: { name: string; location: string }; interpreter: { language: string } | null;
  videoUrl: string; manageUrl?: string; company: { name: string };
  /** Set while the company has yet to accept ("held"). */
  holdExpiresAt?: string | null;
};
type Problem = { title: string; detail?: string; errors?: { path: string; message: string }[]; alternatives?: Slot[] };

export type MeetingRequestProps = {
  productSlug?: string;
  companySlug?: string;
  companyName: string;
  locale: Locale;
};

/**
 * A wall time in its zone, written the reader's way; `withZone` names the zone after it.
 * t.start carries its zone's offset ("2026-12-03T19:00:00-05:00"): the wall time written
 * there is shown, with the build's pattern (no Intl date data loaded for it).
 */
export function formatLocal(t: LocalTime, withZone = true, locale: Locale = 'en'): string {
  const text = formatWallTime(t.start, meetingStrings[locale].dateFormat);
  return withZone ? `${text} (${t.timeZone})` : text;
}

/** An instant (UTC) in a zone, with Intl: only after the buyer has sent the form. */
function formatInstant(iso: string, timeZone: string, locale: Locale): string {
  const text = new Intl.DateTimeFormat(intlTag(locale), { ...SLOT_TIME_OPTIONS, timeZone }).format(new Date(iso));
  return `${text} (${timeZone})`;
}

// The request's fields as the API names them in its validation errors.
const FIELD_LABELS: Record<string, string> = {
  'buyer.name': 'meeting.name', 'buyer.company': 'meeting.company', 'buyer.country': 'meeting.country',
  'buyer.email': 'meeting.email', 'buyer.timeZone': 'meeting.timeZone', 'buyer.language': 'meeting.language',
  interpreter: 'meeting.interpreter', message: 'meeting.messageField', preferredSlots: 'meeting.time',
};

/** The API answers in English; the buyer reads the outcome in the page's language. */
function describeProblem(t: Translate, status: number, body: Problem): Problem {
  if (status === 400 || status === 422) return { ...body, title: t('meeting.errorInvalidTitle'), detail: '' };
  if (status === 404) return { ...body, title: t('meeting.errorNotFoundTitle'), detail: t('meeting.errorNotFoundDetail') };
  if (status === 409) return { ...body, title: t('meeting.errorConflictTitle'), detail: t('meeting.errorConflictDetail') };
  return { ...body, title: t('meeting.errorOtherTitle'), detail: t('meeting.errorOtherDetail') };
}

/** Temporal where the browser has it: Intl's way loads ICU's date data (~150 ms at a phone's speed). */
function browserZone(): string {
  try {
    const temporal = (globalThis as { Temporal?: { Now?: { timeZoneId?: () => string } } }).Temporal;
    return temporal?.Now?.timeZoneId?.() || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export default function MeetingRequest(props: MeetingRequestProps) {
  const { locale } = props;
  const { messages, countries, languages } = meetingStrings[locale];
  const t = useMemo(() => createTranslator(locale, messages), [locale, messages]);
  const id = useId();
  // Filled in the browser only: server-rendering ~400 zone options would weigh down every page.
  const [zones, setZones] = useState<string[]>([]);
  const [timeZone, setTimeZone] = useState('UTC');
  // The page's language is the buyer's best guess at their own; they can change it.
  const [language, setLanguage] = useState<string>(languages.some(([code]) => code === locale) ? locale : 'en');
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [choice, setChoice] = useState('first');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<Confirmation | { status: 'queued' } | null>(null);
  const attempt = useRef<Attempt | null>(null);

  useEffect(() => setTimeZone(browserZone()), []);
  // The ~400 zone options are made when the buyer reaches for the select (focus, pointer), not
  // on every page view: they cost a long task on a slow phone, and few buyers change the zone
  // the browser gave. Until then the select holds that zone, which is what it shows anyway.
  const listZones = () => {
    if (zones.length === 0) setZones(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC']);
  };
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

  async function submit(e: TargetedEvent<HTMLFormElement, SubmitEvent>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setProblem(null);
    // Sent again unchanged (after a network error), the request carries the same key: if the
    // first one was booked and only its answer lost, the API answers with that booking.
    attempt.current = attemptFor(attempt.current, JSON.stringify({
      ...(props.productSlug ? { productSlug: props.productSlug } : { companySlug: props.companySlug }),
      buyer: {
        name: f.get('name'), company: f.get('company'), country: f.get('country'), email: f.get('email'),
        language, timeZone,
      },
      preferredSlots: choice === 'first' ? [] : [choice],
      interpreter: f.get('interpreter') ?? 'auto',
      message: f.get('message') ?? '',
    }));
    try {
      const res = await fetch('/api/meeting-requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': attempt.current.key },
        body: attempt.current.body,
      });
      const body = await res.json();
      if (res.status === 201 || res.status === 202) setDone(body);
      else {
        setProblem(describeProblem(t, res.status, body as Problem));
        if ((body as Problem).alternatives) setSlots((body as Problem).alternatives!);
      }
    } catch {
      setProblem({ title: t('meeting.errorNetworkTitle'), detail: t('meeting.errorNetworkDetail') });
    } finally {
      setBusy(false);
    }
  }

  const when = (time: LocalTime, withZone = true) => formatLocal(time, withZone, locale);

  if (done && done.status === 'queued') {
    return <div className="confirmation" role="status"><h3>{t('meeting.queuedTitle')}</h3><p>{t('meeting.queuedText')}</p></div>;
  }
  if (done) {
    const c = done as Confirmation;
    const interpreterLanguage = c.interpreter
      ? new Intl.DisplayNames([intlTag(locale)], { type: 'language', fallback: 'code' }).of(c.interpreter.language) ?? c.interpreter.language
      : '';
    return (
      <div className="confirmation" role="status" data-testid="confirmation">
        <h3>{c.status === 'held' ? t('meeting.heldTitle') : t('meeting.scheduledTitle')}</h3>
        {c.status === 'held' && c.holdExpiresAt && (
          <p data-testid="held">{t('meeting.heldText', { company: props.companyName, until: formatInstant(c.holdExpiresAt, c.buyerTime.timeZone, locale) })}</p>
        )}
        <dl className="facts">
          <dt>{t('meeting.yourTime')}</dt><dd data-testid="buyer-time">{when(c.buyerTime)}</dd>
          <dt>{t('meeting.koreaTime')}</dt><dd data-testid="korea-time">{when(c.koreaTime)}</dd>
          <dt>{t('meeting.room')}</dt><dd data-testid="room" lang="en">{c.room.name}, {c.room.location}</dd>
          <dt>{t('meeting.interpreter')}</dt><dd>{c.interpreter ? t('meeting.interpreterBooked', { language: interpreterLanguage }) : t('meeting.interpreterNotNeeded')}</dd>
          {c.status !== 'held' && <><dt>{t('meeting.videoLink')}</dt><dd><a href={c.videoUrl} rel="noopener">{c.videoUrl}</a></dd></>}
        </dl>
        {c.manageUrl && (
          <>
            {c.status !== 'held' && <p><a href={`${c.manageUrl}/invite.ics`} download>{t('meeting.addToCalendar')}</a></p>}
            <p>
              {messageParts(locale, messages['meeting.manage'] ?? '{link}').map((part, i) =>
                typeof part === 'string' ? part : <a key={i} href={c.manageUrl} hrefLang="en">{t('meeting.manageLink')}</a>)}
            </p>
          </>
        )}
      </div>
    );
  }

  return (
    <form onSubmit={submit} aria-describedby={problem ? `${id}-problem` : undefined}>
      <div className="form-grid">
        <label>{t('meeting.name')}<input name="name" required maxLength={120} autoComplete="name" /></label>
        <label>{t('meeting.company')}<input name="company" required maxLength={160} autoComplete="organization" /></label>
        <label>{t('meeting.country')}
          <select name="country" required>
            <option value="" disabled selected>{t('meeting.choose')}</option>
            {countries.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </label>
        <label>{t('meeting.email')}<input name="email" type="email" required maxLength={254} autoComplete="email" /></label>
        <label>{t('meeting.timeZone')}
          <select name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.currentTarget.value)} onFocus={listZones} onPointerDown={listZones}>
            {(zones.includes(timeZone) ? zones : [timeZone, ...zones]).map((z) => <option key={z} value={z}>{z}</option>)}
          </select>
        </label>
        <label>{t('meeting.language')}
          <select name="language" value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
            {languages.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </label>
        <label>{t('meeting.interpreter')}
          <select name="interpreter">
            <option value="auto" selected>{t('meeting.interpreterAuto')}</option>
            <option value="required">{t('meeting.interpreterRequired')}</option>
            <option value="none">{t('meeting.interpreterNone')}</option>
          </select>
        </label>
      </div>
      <fieldset>
        <legend>{t('meeting.when', { zone: timeZone })}</legend>
        {slots === null ? <p>{t('meeting.loadingSlots')}</p> : (
          <div className="slots">
            <label><input type="radio" name="slot" value="first" checked={choice === 'first'} onChange={() => setChoice('first')} /> {t('meeting.firstAvailable')}</label>
            {slots.map((s) => (
              <label key={s.start}>
                <input type="radio" name="slot" value={s.start} checked={choice === s.start} onChange={() => setChoice(s.start)} />
                {when(s.buyerTime, false)} <span className="muted">· {t('meeting.koreaSlot', { time: when(s.koreaTime, false) })}</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <label className="message-field">{t('meeting.message', { company: props.companyName })}
        <textarea name="message" rows={3} maxLength={2000} />
      </label>
      {problem && (
        <div id={`${id}-problem`} className="error" role="alert">
          <p><strong>{problem.title}</strong> {problem.detail}</p>
          {problem.errors && (
            <ul>
              {problem.errors.map((e) => {
                const label = FIELD_LABELS[e.path] ?? FIELD_LABELS[e.path.split('.')[0]!];
                // The API's own wording is English; other pages name the field and ask to check it.
                return (
                  <li key={e.path}>
                    {label ? t(label) : e.path}: {locale === 'en' ? e.message : t('meeting.errorInvalidField')}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
      <p><button type="submit" disabled={busy}>{busy ? t('meeting.submitting') : t('meeting.submit')}</button></p>
    </form>
  );
}

// Name this island's renderer for Astro. Untagged, Astro asks each renderer whether it can
// render the component, and Preact's answer is to render it: the form was rendered twice on
// every product and company page of every build (a fifth of the build's time).
(MeetingRequest as unknown as Record<symbol, string>)[Symbol.for('astro:renderer')] = '@astrojs/preact';
