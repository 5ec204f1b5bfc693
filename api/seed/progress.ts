// A dependency-free progress bar for long CLI runs: redrawn in place on a terminal,
// one line per 10% otherwise (so CI logs stay short).

export type ProgressStream = { isTTY?: boolean; write(chunk: string): unknown };

/** "[#####.....] 40% 40000/100000 products  1234/s" */
export function formatProgress(done: number, total: number, label: string, perSecond: number, width = 30): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  const percent = String(Math.floor(ratio * 100)).padStart(3);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% ${done}/${total} ${label}  ${Math.round(perSecond)}/s`;
}

export function createProgressReporter(
  stream: ProgressStream,
  label: string,
  now: () => number = () => performance.now(),
): { update(done: number, total: number): void; finish(): void } {
  const started = now();
  let lastTenth = -1;
  let drawn = false;
  const rate = (done: number) => {
    const seconds = (now() - started) / 1000;
    return seconds > 0 ? done / seconds : 0;
  };
  return {
    update(done, total) {
      const line = formatProgress(done, total, label, rate(done));
      if (stream.isTTY) {
        stream.write(`\r${line}\x1b[K`);
        drawn = true;
        return;
      }
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`${line}\n`);
      }
    },
    finish() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
