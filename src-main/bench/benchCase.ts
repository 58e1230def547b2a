import type { App } from '../app/createApp';
import type { Db } from '../db/database';
import type { GeneratedFacts } from './generator/generateClinic';
import type { Timing } from './measure';

/**
 * One thing the bench measures. A case either names an API method (then it is measured through the
 * app's own dispatch — validation, handler, response check — exactly as the host runs it, and a second
 * time over HTTP) or gives its own `run` (a path with no API method, such as a message arriving).
 * `raw` is the closest bare better-sqlite3 operation on the same data, run in the same process and run:
 * figures on a shared machine drift, ratios within one run do not.
 */
export interface BenchEnv {
  app: App;
  db: Db;
  facts: GeneratedFacts;
}

export interface BenchCase {
  name: string;
  /** p95 target in ms (null: reported, not judged). */
  targetMs: number | null;
  runs: number;
  method?: string;
  params?: (i: number, env: BenchEnv) => unknown;
  run?: (i: number, env: BenchEnv) => unknown;
  raw?: { what: string; run: (i: number, db: Db, env: BenchEnv) => unknown };
  /** `throughput`: the figure is judged as raw time / case time (ingest ≥ 0.30 of a raw insert). */
  ratio?: { kind: 'throughput'; atLeast?: number } | { kind: 'overhead' };
  /** Runs once, before any case is measured (on the run's private copy of the database). */
  setup?: (env: BenchEnv) => void | Promise<void>;
  /** Runs right before this case is measured (e.g. switch auto-replies off). */
  before?: (env: BenchEnv) => void | Promise<void>;
  /** Print the plans of the SQL it runs, and fail on a full scan of a large table. */
  plans?: boolean;
  /** A scan of `table` this case cannot avoid by design (a segment about every patient): printed as allowed, with why. */
  scanAllowed?: { table: string; why: string };
  /** A case that times something itself (inbox.list while a big import runs) instead of `runs` calls. */
  measure?: (env: BenchEnv) => Promise<Timing>;
  /** The same SQL run on this thread, for the plans (a case whose SQL runs on the search worker). */
  planOf?: (env: BenchEnv) => unknown;
}

/** Extra cases from other areas (stats, imports…) register here: `registerBenchCases(import('./myCases'))`. */
const extra: BenchCase[] = [];

export function registerBenchCases(cases: BenchCase[]): void {
  extra.push(...cases);
}

export function registeredBenchCases(): BenchCase[] {
  return [...extra];
}
