// The control tower's resources: pavilions, rooms and booths, interpreters, one tab each
// (the tab in the URL's fragment). English only, like the rest of the control tower; staff
// only (the API says who may, StaffGate shows a sign-in or "staff only").
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Messages } from '../../i18n/format.ts';
import { api } from '../../lib/portal/api.ts';
import { StatusLine } from '../portal/messages.tsx';
import { gateOf, StaffGate, type GateState } from './StaffGate.tsx';
import { PavilionsPanel } from './resources/PavilionsPanel.tsx';
import { RoomsPanel } from './resources/RoomsPanel.tsx';
import { InterpretersPanel } from './resources/InterpretersPanel.tsx';
import type { Interpreter, Pavilion, Room } from './resources/shared.ts';

type Data = { pavilions: Pavilion[]; rooms: Room[]; interpreters: Interpreter[] };
const TABS = [
  { key: 'pavilions', label: 'Pavilions' },
  { key: 'rooms', label: 'Rooms and booths' },
  { key: 'interpreters', label: 'Interpreters' },
] as const;
type Tab = (typeof TABS)[number]['key'];
const tabFromHash = (): Tab => {
  const h = (globalThis.location?.hash ?? '').replace(/^#/, '');
  return TABS.some((t) => t.key === h) ? (h as Tab) : 'pavilions';
};

export default function Resources({ messages }: { messages: Messages }) {
  const [state, setState] = useState<GateState<Data>>('loading');
  const [tab, setTab] = useState<Tab>(tabFromHash);
  const [status, setStatus] = useState('');
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});

  const load = useCallback(async () => {
    const [pavilions, rooms, interpreters] = await Promise.all([
      api<{ items: Pavilion[] }>('GET', '/api/control/pavilions'),
      api<{ items: Room[] }>('GET', '/api/control/rooms'),
      api<{ items: Interpreter[] }>('GET', '/api/control/interpreters'),
    ]);
    if (!pavilions.ok) return setState(gateOf(pavilions));
    if (!rooms.ok) return setState(gateOf(rooms));
    if (!interpreters.ok) return setState(gateOf(interpreters));
    setState({ data: { pavilions: pavilions.data.items, rooms: rooms.data.items, interpreters: interpreters.data.items } });
  }, []);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => {
    const follow = () => setTab(tabFromHash());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const choose = (next: Tab, focus = false) => {
    setTab(next);
    window.history.replaceState(null, '', `#${next}`);
    if (focus) tabs.current[next]?.focus();
  };
  // The tabs pattern: arrows move between tabs, Home and End to the first and last.
  const onKey = (e: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.key === tab);
    const to = e.key === 'ArrowRight' ? (at + 1) % TABS.length : e.key === 'ArrowLeft' ? (at + TABS.length - 1) % TABS.length
      : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (to === -1) return;
    e.preventDefault();
    choose(TABS[to]!.key, true);
  };
  const changed = async (text: string) => {
    setStatus(text);
    await load();
  };

  return (
    <StaffGate messages={messages} state={state} what="manage pavilions, rooms and interpreters" onSignedIn={load} returnTo="/control/resources/">
      {(data) => {
        const count: Record<Tab, number> = { pavilions: data.pavilions.length, rooms: data.rooms.length, interpreters: data.interpreters.length };
        return (
          <>
            <div aria-live="polite">{status && <StatusLine text={status} />}</div>
            <div role="tablist" aria-label="Resources" className="tabs" onKeyDown={onKey}>
              {TABS.map((t) => (
                <button key={t.key} type="button" role="tab" id={`tab-${t.key}`} aria-controls={`panel-${t.key}`} aria-selected={tab === t.key}
                  tabIndex={tab === t.key ? 0 : -1} ref={(el) => { tabs.current[t.key] = el; }} onClick={() => choose(t.key)}>
                  {t.label} <span className="muted">({count[t.key]})</span>
                </button>
              ))}
            </div>
            <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
              {tab === 'pavilions' && <PavilionsPanel pavilions={data.pavilions} onChanged={changed} />}
              {tab === 'rooms' && <RoomsPanel rooms={data.rooms} onChanged={changed} />}
              {tab === 'interpreters' && <InterpretersPanel interpreters={data.interpreters} onChanged={changed} />}
            </div>
          </>
        );
      }}
    </StaffGate>
  );
}
