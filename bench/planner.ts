// `npm run bench:planner`: the consultation-week planner on seeded random weeks shaped like
// the real programme (85 a day among 35 buyers and 70 companies, 15 rooms, 6 interpreter
// languages) and larger ones (1,000 and 5,000 requests, 60 rooms). For each: requests,
// meetings placed by the planner and by a first-come-first-served pass, the proved upper
// bound, the gap and the time. Prints a Markdown table; figures are measured, not asserted.
import os from 'node:os';
import { buildCandidates } from '../api/planner/candidates.ts';
import { generateWeek, REAL_WEEK, type WeekShape } from '../api/planner/generate.ts';
import { firstComeFirstServed } from '../api/planner/heuristic.ts';
import { planWeek } from '../api/planner/plan.ts';
import { highsRuntime } from '../api/planner/solve.ts';
import { figure } from './figures.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const seeds = (process.env.PLANNER_SEEDS ?? '1').split(',').map(Number);
const timeLimitMs = Number(process.env.PLANNER_TIME_LIMIT_MS ?? 55_000);

// The targets, handed to the aggregate report with each week's figures.
type Targets = { gap?: string; time?: string; moreThanGreedy?: string };
const shapes: { name: string; shape: Omit<WeekShape, 'seed'>; targets: Targets }[] = [
  { name: 'real programme week', shape: REAL_WEEK, targets: { gap: '0 (proven optimal)', time: '< 5' } },
  { name: '1,000 requests', shape: { requests: 1000, buyers: 82, companies: 165, rooms: 60, interpreters: 28 }, targets: { gap: '0 (proven optimal)', time: '< 5' } },
  { name: '5,000 requests', shape: { requests: 5000, buyers: 410, companies: 825, rooms: 60, interpreters: 140 }, targets: { gap: '<= 3', time: '< 60', moreThanGreedy: '>= 3' } },
];

await highsRuntime(); // load the WebAssembly once, outside the timings
out(`Planner benchmark: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, time limit ${timeLimitMs / 1000} s`);
out('Objective = 100 per meeting + the buyer\'s preference priority (0-3) of its time; bound = proved upper bound on it.');
out('');
out('Room-hours: meetings the free rooms could hold at the hours when at least one request could meet (a ceiling on placed).');
out('');
out('| week | seed | requests | room-hours | placed | greedy placed | more than greedy | objective | greedy objective | upper bound | gap % | optimal | time s |');
out('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
const notes: string[] = [];
for (const { name, shape, targets } of shapes) {
  for (const seed of seeds) {
    const { instance, now } = generateWeek({ ...shape, seed });
    const cs = buildCandidates(instance, now);
    const wanted = new Set(cs.requests.flatMap((c) => c.slots));
    const roomHours = cs.slots.reduce((sum, s, k) => sum + (wanted.has(k) ? s.roomIds.length : 0), 0);
    const greedy = firstComeFirstServed(cs);
    const plan = await planWeek(instance, { now, timeLimitMs });
    const more = greedy.placed === 0 ? 0 : (plan.placed - greedy.placed) / greedy.placed;
    out(`| ${name} | ${seed} | ${instance.requests.length} | ${roomHours} | ${plan.placed} | ${greedy.placed} | ${(more * 100).toFixed(1)} % | ${plan.objective} | ${greedy.objective} | ${plan.bound} | ${(plan.gap * 100).toFixed(2)} | ${plan.optimal ? 'yes' : 'no'} | ${(plan.stats.ms / 1000).toFixed(2)} |`);
    const week = seeds.length > 1 ? `${name} (seed ${seed})` : name;
    // When the first-come pass already fills every room-hour any request could use, no plan
    // can place more meetings: the count is capped by the rooms, and the planner's gain is
    // in the buyers' preferred times (the objective). Said, so the figure is read rightly.
    if (greedy.placed >= roomHours) {
      notes.push(`- ${week}: the first-come pass already places ${greedy.placed} meetings, every room-hour a request could use, so no schedule can place more; the planner's gain is in the buyers' preferred times: objective ${((plan.objective / greedy.objective - 1) * 100).toFixed(1)} % above the first-come pass's.`);
    }
    const f = (what: string, value: number, unit: string, target?: string) => figure({ bench: 'planner', figure: `${week}: ${what}`, value, unit, ...(target ? { target } : {}) });
    f('placed', plan.placed, 'meetings');
    f('greedy placed', greedy.placed, 'meetings');
    f('more than greedy', more * 100, '%', targets.moreThanGreedy);
    f('gap', plan.gap * 100, '%', targets.gap);
    f('time', plan.stats.ms / 1000, 's', targets.time);
  }
}
if (notes.length) out(['', ...notes].join('\n'));
