import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The bench's measuring kit: a section is a named list of cases; each case runs k times and is
 * reported as the median time and the heap its result keeps alive. Figures only, never asserted.
 */

/** One line of the table. */
export interface Row {
  readonly what: string;
  readonly n: number;
  /** Median of `runs` wall-clock timings, milliseconds. */
  readonly ms: number;
  /**
   * Median CPU time of the process over the same runs (user + system, GC threads included):
   * steadier than wall time on a shared machine, where other processes take turns on the cores.
   */
  readonly cpuMs: number;
  readonly runs: number;
  /** Heap (after GC) kept alive by one run's result, in MB; null when not measured. */
  readonly heapMB: number | null;
}

/** A bench section: `bench/sections/NAME.ts` exports one, `bench/run.ts` lists it. */
export interface Section {
  /** Short name, used to pick sections: `npm run bench -- kube-proxy`. */
  readonly name: string;
  readonly title: string;
  /** Runs the section's cases, handing each row to `report` as soon as it is measured. */
  run(report: (row: Row) => void): void | Promise<void>;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export function heapUsedMB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

export interface MeasureOptions {
  /** Timed runs (default 5); the median is reported. */
  readonly runs?: number;
  /** Untimed runs first, so the JIT has seen the code (default 1). */
  readonly warmup?: number;
  /** Measure the heap the result of one run keeps alive (default true). */
  readonly heap?: boolean;
}

/**
 * Times `fn` (`setup` runs before each call, untimed, and its value is passed in) and measures
 * the heap its last result keeps alive.
 */
export function measure<S, R>(
  what: string,
  n: number,
  setup: () => S,
  fn: (input: S) => R,
  options: MeasureOptions = {},
): Row {
  const runs = options.runs ?? 5;
  for (let i = 0; i < (options.warmup ?? 1); i++) fn(setup());
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [wall, cpu] = timeOnce(fn, setup());
    times.push(wall);
    cpuTimes.push(cpu);
  }
  const heapMB = options.heap === false ? null : retainedMB(fn, setup());
  return { what, n, ms: median(times), cpuMs: median(cpuTimes), runs, heapMB };
}

/**
 * One timed call, in its own frame: the result is dropped on return, so it cannot linger in a
 * register of the caller and distort the heap figure.
 */
function timeOnce<S, R>(fn: (input: S) => R, input: S): [number, number] {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  fn(input);
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return [wall, (cpu.user + cpu.system) / 1000];
}

/**
 * One timed call whose result is also wanted (e.g. a large scenario that takes long to build):
 * the row and the result. The heap figure is taken around the same call.
 */
export function measureOnce<R>(what: string, n: number, fn: () => R): [Row, R] {
  const before = heapUsedMB();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = fn();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const heapMB = heapUsedMB() - before;
  return [{ what, n, ms, cpuMs: (cpu.user + cpu.system) / 1000, runs: 1, heapMB }, result];
}

/** Holds a result while the heap is measured. */
const kept: unknown[] = [];

/** The heap (after GC) that one call's result keeps alive. */
function retainedMB<S, R>(fn: (input: S) => R, input: S): number {
  const before = heapUsedMB();
  kept.push(fn(input));
  const after = heapUsedMB();
  kept.length = 0;
  return after - before;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
