// planWeek off the caller's thread (see worker.ts): one short-lived worker per plan, so a
// long solve blocks nothing else and leaves nothing behind in the process's memory.
import { Worker } from 'node:worker_threads';
import type { PlannerInstance } from './instance.ts';
import type { PlanOptions, PlanResult } from './plan.ts';

export function planInWorker(instance: PlannerInstance, options: PlanOptions): Promise<PlanResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { instance, options } });
    let settled = false;
    worker.once('message', (m: { ok: true; result: PlanResult } | { ok: false; error: string }) => {
      settled = true;
      if (m.ok) resolve(m.result);
      else reject(new Error(`planner failed: ${m.error}`));
    });
    worker.once('error', (err) => { settled = true; reject(err); });
    worker.once('exit', (code) => { if (!settled) reject(new Error(`planner worker stopped (exit code ${code}) without an answer`)); });
  });
}
