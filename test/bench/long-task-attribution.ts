/**
 * Which long tasks the content script causes, from a Chromium trace (issue 11 item 4, issue 16 item 3).
 * A page's `longtask` observer sees tasks, not who spent them; the trace's JavaScript samples do. A
 * task over 50 ms is the content script's when it would be under 50 ms without the time sampled in
 * our script (any stack with a frame from the extension's URL); a long task of the page's own layout
 * with a few milliseconds of ours in it is the page's.
 *
 * Trace categories needed: `disabled-by-default-devtools.timeline` (RunTask) and
 * `disabled-by-default-v8.cpu_profiler` (Profile, ProfileChunk).
 */

export const LONG_TASK_MS = 50;

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string | number;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string };
}

export interface LongTaskShare {
  /** The task's length, ms. */
  taskMs: number;
  /** Of it, sampled in the content script, ms. */
  oursMs: number;
}

export interface LongTaskReport {
  longTasks: LongTaskShare[];
  /** Long tasks that would be short without our script's time. */
  causedByUs: LongTaskShare[];
  /** The most our script spent inside any one task (long or not), ms. */
  mostOursInOneTask: number;
}

interface Sample {
  at: number;
  ours: boolean;
}

/** Samples of one profiled thread in time order, each marked whether its stack runs our script. */
function samplesOf(events: readonly TraceEvent[], isOurs: (url: string) => boolean): Map<string, Sample[]> {
  const threadOfProfile = new Map<string, string>();
  const startOfProfile = new Map<string, number>();
  const nodes = new Map<string, Map<number, boolean>>();
  const lastAt = new Map<string, number>();
  const byThread = new Map<string, Sample[]>();
  for (const event of events) {
    const key = `${event.pid}:${String(event.id)}`;
    if (event.name === 'Profile') {
      threadOfProfile.set(key, `${event.pid}:${event.tid}`);
      startOfProfile.set(key, event.args?.data?.startTime ?? event.ts);
      continue;
    }
    if (event.name !== 'ProfileChunk') continue;
    const thread = threadOfProfile.get(key) ?? `${event.pid}:${event.tid}`;
    const ours = nodes.get(key) ?? new Map<number, boolean>();
    nodes.set(key, ours);
    const profile = event.args?.data?.cpuProfile;
    for (const node of profile?.nodes ?? []) {
      const parentOurs = node.parent !== undefined && ours.get(node.parent) === true;
      ours.set(node.id, parentOurs || isOurs(node.callFrame.url ?? ''));
    }
    const deltas = event.args?.data?.timeDeltas ?? [];
    let at = lastAt.get(key) ?? startOfProfile.get(key) ?? event.ts;
    const list = byThread.get(thread) ?? [];
    byThread.set(thread, list);
    (profile?.samples ?? []).forEach((nodeId, i) => {
      at += deltas[i] ?? 0;
      list.push({ at, ours: ours.get(nodeId) === true });
    });
    lastAt.set(key, at);
  }
  for (const list of byThread.values()) list.sort((a, b) => a.at - b.at);
  return byThread;
}

/** Index of the first sample at or after `time`. */
function firstAtOrAfter(samples: readonly Sample[], time: number): number {
  let low = 0;
  let high = samples.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (samples[mid]!.at < time) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Time (µs) sampled in our script between `from` and `to`: each sample stands for the gap to the next. */
function oursBetween(samples: readonly Sample[], from: number, to: number): number {
  let total = 0;
  for (let i = firstAtOrAfter(samples, from); i < samples.length && samples[i]!.at < to; i++) {
    if (!samples[i]!.ours) continue;
    const next = samples[i + 1]?.at ?? to;
    total += Math.min(next, to) - samples[i]!.at;
  }
  return total;
}

/** Pages' main threads: the content script runs there (the extension's worker is elsewhere). */
function pageMainThreads(events: readonly TraceEvent[]): Set<string> {
  const threads = new Set<string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain') threads.add(`${event.pid}:${event.tid}`);
  }
  return threads;
}

export function attributeLongTasks(events: readonly TraceEvent[], isOurs: (url: string) => boolean): LongTaskReport {
  const samples = samplesOf(events, isOurs);
  const mainThreads = pageMainThreads(events);
  const longTasks: LongTaskShare[] = [];
  let mostOursInOneTask = 0;
  for (const event of events) {
    if (event.name !== 'RunTask' || event.ph !== 'X' || event.dur === undefined) continue;
    if (!mainThreads.has(`${event.pid}:${event.tid}`)) continue;
    const threadSamples = samples.get(`${event.pid}:${event.tid}`);
    if (!threadSamples) continue;
    const oursMs = oursBetween(threadSamples, event.ts, event.ts + event.dur) / 1000;
    mostOursInOneTask = Math.max(mostOursInOneTask, oursMs);
    const taskMs = event.dur / 1000;
    if (taskMs > LONG_TASK_MS) longTasks.push({ taskMs, oursMs });
  }
  const causedByUs = longTasks.filter((task) => task.taskMs - task.oursMs <= LONG_TASK_MS);
  return { longTasks, causedByUs, mostOursInOneTask };
}
