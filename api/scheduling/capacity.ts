// How many minutes a set of resources is open in a range: each one's weekly hours (or the
// default hours when it has set none) minus its blackouts. Pure; what utilisation divides by.
import { type Interval, MINUTE, normalise, subtract, intersect } from './intervals.ts';
import { expandWeeklyHours, type WeeklyRule } from './weekly-hours.ts';

export type ResourceHours = { rules: WeeklyRule[]; blackouts: Interval[] };

export function openMinutes(resources: readonly ResourceHours[], defaults: readonly WeeklyRule[], range: Interval): number {
  let total = 0;
  for (const r of resources) {
    const open = subtract(intersect(expandWeeklyHours(r.rules.length ? r.rules : defaults, range), [range]), normalise(r.blackouts));
    total += open.reduce((sum, i) => sum + (i.end - i.start) / MINUTE, 0);
  }
  return total;
}
