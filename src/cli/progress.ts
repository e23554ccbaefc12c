import { clearScreenDown, cursorTo, moveCursor } from 'node:readline';
import type { ProgressSink } from '../engine/collect.js';
import type { ProbeProgress } from '../probes/probe.js';

/** The stream progress is drawn on: stderr, and only when it is a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface ProgressDisplay extends ProgressSink {
  /** A `[probe] message` log line: becomes that probe's current step. */
  log(line: string): void;
  /** Clears the live block; finished lines stay. Call before anything else is written. */
  stop(): void;
}

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

interface Running {
  readonly title: string;
  readonly started: number;
  step: string;
  entries: number;
}

/**
 * Live progress on a terminal: one line per running probe (its current host or search, entries
 * read so far, elapsed time), redrawn in place ten times a second, and a permanent line when a
 * probe finishes, with how long it took. Built on node:readline's cursor functions (no library:
 * the few escape sequences needed are there). Never writes to stdout.
 */
export function createProgress(stream: ProgressStream, now: () => number = Date.now): ProgressDisplay {
  const running = new Map<string, Running>();
  let drawn = 0;
  let frame = 0;
  const width = (): number => Math.max(20, (stream.columns ?? 80) - 1);
  const clip = (s: string): string => (s.length > width() ? `${s.slice(0, width() - 1)}…` : s);

  const clear = (): void => {
    if (drawn === 0) return;
    moveCursor(stream as NodeJS.WritableStream, 0, -drawn);
    cursorTo(stream as NodeJS.WritableStream, 0);
    clearScreenDown(stream as NodeJS.WritableStream);
    drawn = 0;
  };
  const draw = (): void => {
    clear();
    const spinner = frames[frame++ % frames.length] ?? '*';
    const lines = [...running.entries()].map(([id, r]) => {
      const entries = r.entries > 0 ? `, ${r.entries.toLocaleString('en-US')} entries` : '';
      return clip(`${spinner} ${id}: ${r.title}${r.step ? ` — ${r.step}` : ''}${entries} (${seconds(now() - r.started)})`);
    });
    if (lines.length > 0) stream.write(`${lines.join('\n')}\n`);
    drawn = lines.length;
  };
  const timer = setInterval(draw, 100);
  timer.unref();

  return {
    start(probe, title) {
      running.set(probe, { title, started: now(), step: '', entries: 0 });
      draw();
    },
    update(probe, u: ProbeProgress) {
      const r = running.get(probe);
      if (r === undefined) return;
      if (u.step !== undefined) r.step = u.step;
      if (u.entries !== undefined) r.entries += u.entries;
    },
    log(line) {
      const m = /^\[([a-z]+)\] (.*)$/.exec(line);
      const r = m ? running.get(m[1] ?? '') : undefined;
      if (r !== undefined && m?.[2] !== undefined && !m[2].startsWith('done in')) r.step = m[2];
    },
    done(probe, ms, outcome) {
      const r = running.get(probe);
      running.delete(probe);
      clear();
      const entries = r !== undefined && r.entries > 0 ? `, ${r.entries.toLocaleString('en-US')} entries` : '';
      const mark = outcome === 'ok' ? '✔' : '✖';
      const what = outcome === 'ok' ? 'done' : outcome === 'overrun' ? 'did not finish' : 'crashed';
      stream.write(`${clip(`${mark} ${probe}: ${r?.title ?? probe} ${what} in ${seconds(ms)}${entries}`)}\n`);
      draw();
    },
    stop() {
      clearInterval(timer);
      clear();
    },
  };
}
