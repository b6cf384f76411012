/** Small measurement helpers for the benchmarks: no timing assertion lives here, only measurement. */
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  /** Requests (or operations) per second. */
  throughput: number;
  p50Ms: number;
  p99Ms: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs `total` calls of `fn` with `concurrency` workers; returns throughput and latency percentiles. */
export async function load(fn: () => Promise<unknown>, total: number, concurrency: number): Promise<LoadResult> {
  const latencies = new Array<number>(total);
  let next = 0;
  const started = performance.now();
  async function worker(): Promise<void> {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const t0 = performance.now();
      await fn();
      latencies[i] = performance.now() - t0;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return { throughput: (total / elapsed) * 1000, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

/** The per-field median of several load results. */
export function medianResult(samples: LoadResult[]): LoadResult {
  return {
    throughput: median(samples.map((s) => s.throughput)),
    p50Ms: median(samples.map((s) => s.p50Ms)),
    p99Ms: median(samples.map((s) => s.p99Ms)),
  };
}

/** Synchronous operations per second, median of `reps` timed batches after a warm-up batch. */
export function opsPerSecond(fn: (i: number) => unknown, batch: number, reps: number): number {
  const runBatch = () => {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn(i);
    return (batch / (performance.now() - t0)) * 1000;
  };
  runBatch();
  const rates: number[] = [];
  for (let i = 0; i < reps; i++) rates.push(runBatch());
  return median(rates);
}

export function fmt(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return 'n/a';
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
