import { describe, expect, it } from 'vitest';
import { attributeLongTasks, type TraceEvent } from './long-task-attribution';

const PAGE = { pid: 7, tid: 1 };
const WORKER = { pid: 9, tid: 4 };
const ms = 1000;

/** A profile on the page's main thread: node 2 is the page's script, node 3 ours (called from 2's child 4 runs ours too). */
function profile(samples: { node: number; at: number }[]): TraceEvent[] {
  let last = 0;
  return [
    { name: 'Profile', ph: 'P', ts: 0, id: '0x1', ...PAGE, args: { data: { startTime: 0 } } },
    {
      name: 'ProfileChunk',
      ph: 'P',
      ts: 0,
      id: '0x1',
      ...PAGE,
      args: {
        data: {
          cpuProfile: {
            nodes: [
              { id: 1, callFrame: { url: '' } },
              { id: 2, parent: 1, callFrame: { url: 'https://s.taobao.com/app.js' } },
              { id: 3, parent: 1, callFrame: { url: 'chrome-extension://abc/content-scripts/taobao.js' } },
              { id: 4, parent: 3, callFrame: { url: 'https://s.taobao.com/app.js' } },
            ],
            samples: samples.map((s) => s.node),
          },
          timeDeltas: samples.map((s) => {
            const delta = s.at - last;
            last = s.at;
            return delta;
          }),
        },
      },
    },
  ];
}

const threadNames: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', ts: 0, ...PAGE, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', ts: 0, ...WORKER, args: { name: 'ServiceWorkerThread' } },
];
const task = (from: number, to: number, thread = PAGE): TraceEvent => ({ name: 'RunTask', ph: 'X', ts: from, dur: to - from, ...thread });
const isOurs = (url: string) => url.startsWith('chrome-extension://');

/** One sample per millisecond from `from` to `to` on `node`. */
const run = (node: number, from: number, to: number) => Array.from({ length: (to - from) / ms }, (_, i) => ({ node, at: from + i * ms }));

describe('attributeLongTasks', () => {
  it('counts a long task as ours only when it would be short without our sampled time', () => {
    const events = [
      ...threadNames,
      // Task A, 0–70 ms: 60 ms of the page's layout, 10 ms ours → the page's.
      task(0, 70 * ms),
      // Task B, 100–170 ms: 30 ms page, 40 ms ours (a page callback inside ours counts as ours) → ours.
      task(100 * ms, 170 * ms),
      // Task C, 200–230 ms: short.
      task(200 * ms, 230 * ms),
      ...profile([...run(2, 0, 60 * ms), ...run(3, 60 * ms, 70 * ms), ...run(2, 100 * ms, 130 * ms), ...run(4, 130 * ms, 170 * ms), ...run(3, 200 * ms, 230 * ms)]),
    ];
    const report = attributeLongTasks(events, isOurs);
    expect(report.longTasks.map((t) => [t.taskMs, Math.round(t.oursMs)])).toEqual([
      [70, 10],
      [70, 40],
    ]);
    expect(report.causedByUs.map((t) => t.taskMs)).toEqual([70]);
    expect(report.causedByUs[0]!.oursMs).toBeCloseTo(40, 0);
    expect(report.mostOursInOneTask).toBeCloseTo(40, 0);
  });

  it("leaves out tasks of threads other than the pages' main threads (the extension's worker)", () => {
    const events = [...threadNames, task(0, 90 * ms, WORKER), ...profile([])];
    expect(attributeLongTasks(events, isOurs).longTasks).toEqual([]);
  });
});
