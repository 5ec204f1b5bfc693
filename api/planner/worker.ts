// The planner in a worker thread: HiGHS solves synchronously for up to the time limit, which
// must not stall an API process's other requests. Receives { instance, options }, answers
// once with the plan or the error's message.
import { parentPort, workerData } from 'node:worker_threads';
import type { PlannerInstance } from './instance.ts';
import { type PlanOptions, planWeek } from './plan.ts';

const { instance, options } = workerData as { instance: PlannerInstance; options: PlanOptions };
try {
  parentPort!.postMessage({ ok: true, result: await planWeek(instance, options) });
} catch (err) {
  parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
}
