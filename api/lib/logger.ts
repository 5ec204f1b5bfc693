// A small leveled logger. Never pass it personal data (buyer e-mails, phones).
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type Logger = {
  debug: (msg: string) => void;
  info: (msg: string) => void;
  warn: (msg: string) => void;
  error: (msg: string, err?: unknown) => void;
};

export function createLogger(level: LogLevel, prefix = ''): Logger {
  const on = (l: LogLevel) => order[l] >= order[level];
  const write = (stream: NodeJS.WriteStream, msg: string) => stream.write(`${prefix}${msg}\n`);
  return {
    debug: (msg) => on('debug') && write(process.stdout, msg),
    info: (msg) => on('info') && write(process.stdout, msg),
    warn: (msg) => on('warn') && write(process.stderr, msg),
    error: (msg, err) => {
      if (!on('error')) return;
      const detail = err instanceof Error ? `: ${err.stack ?? err.message}` : err ? `: ${String(err)}` : '';
      write(process.stderr, `${msg}${detail}`);
    },
  };
}

export const silentLogger: Logger = createLogger('silent');
