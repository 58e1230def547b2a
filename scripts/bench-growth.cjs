#!/usr/bin/env node
// Prints the README's growth table from `clinic-desk bench --size S --out FILE` results, then judges issue 14's
// "Must show": counts, filters, phone and frequent-word search flat within 2× from the smallest to the largest size.
//   node scripts/bench-growth.cjs .bench/result-10k.json .bench/result-100k.json .bench/result-1m.json
// Several results of one size (runs of the same command) are folded into one: each figure is the median of its runs.
// A p95 of a 50 µs call moves by 2× between two runs of the same size (one GC pause more or less in 200 calls), so
// one run per size can call a counter read "growing"; the median of three cannot be moved by one unlucky run.
const fs = require('node:fs');

/** The rows the growth judgement covers (issue 14: counts, filters, phone and frequent-word search). */
const FLAT_ROWS = [/^inbox\.counts\b/, /^inbox\.list channel filter\b/, /^inbox\.list unanswered\b/, /^search phone\b/, /^search frequent word\b/];
const FLAT_WITHIN = 2;
/** A run is quiet when the machine's 1-minute load average stayed at or under this share of its cores (the bench's own thread counts for about one). */
const QUIET_LOAD_PER_CORE = 0.75;

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : Math.round(((v[m - 1] + v[m]) / 2) * 1000) / 1000;
};

/**
 * One report per size: a size run once is kept as it is; a size run several times becomes one report whose figures
 * (p50, p95, max, CPU, HTTP, the ratio to raw) are each the median over its runs, which passes only if every run
 * passed, and which is quiet only if every run was.
 */
function foldRuns(reports) {
  const bySize = new Map();
  for (const r of reports) bySize.set(r.size, [...(bySize.get(r.size) ?? []), r]);
  return [...bySize.values()].map((runs) => {
    if (runs.length === 1) return { ...runs[0], runs: 1 };
    const timing = (ts) => (ts.every((t) => !t) ? null : Object.fromEntries(['runs', 'p50', 'p95', 'max', 'cpuP50', 'cpuP95'].map((k) => [k, median(ts.map((t) => t?.[k]))]).filter(([, v]) => v !== undefined)));
    const names = [...new Set(runs.flatMap((r) => r.results.map((c) => c.name)))];
    const results = names.map((name) => {
      const cs = runs.map((r) => r.results.find((c) => c.name === name)).filter(Boolean);
      const ratio = cs[0].ratio ? { ...cs[0].ratio, value: median(cs.map((c) => c.ratio?.value)) } : null;
      return { ...cs[0], inProcess: timing(cs.map((c) => c.inProcess)), http: timing(cs.map((c) => c.http)), ratio, pass: cs.some((c) => c.pass === false) ? false : cs[0].pass };
    });
    const loads = runs.map((r) => r.machine);
    const machine = loads.every(Boolean) ? { cores: loads[0].cores, loadAtStart: Math.max(...loads.map((m) => m.loadAtStart)), loadAtEnd: Math.max(...loads.map((m) => m.loadAtEnd)) } : undefined;
    return { ...runs[0], results, runs: runs.length, ...(machine ? { machine } : { machine: undefined }) };
  });
}

const quietRun = (r) => (r.machine ? Math.max(r.machine.loadAtStart, r.machine.loadAtEnd) <= r.machine.cores * QUIET_LOAD_PER_CORE : null);
const ratio = (a, b) => (a > 0 ? Math.round((b / a) * 100) / 100 : null);

/**
 * For every judged row present in the smallest and the largest run: wall p95 and CPU p95 at both ends and their
 * ratios. Wall is judged when every run was quiet (load recorded and low); otherwise CPU, because on a shared machine
 * a small run's wall p95 can be noisier than a large one's, and the output says which and why.
 */
function judgeGrowth(results) {
  const reports = foldRuns(results);
  const bySize = [...reports].sort((a, b) => a.facts.messages - b.facts.messages);
  const small = bySize[0];
  const large = bySize[bySize.length - 1];
  const quiet = bySize.map(quietRun);
  const judged = quiet.every((q) => q === true) ? 'wall' : 'cpu';
  const why =
    judged === 'wall'
      ? `every run was quiet (1-min load ≤ ${QUIET_LOAD_PER_CORE} × cores at start and end)`
      : quiet.some((q) => q === null)
        ? 'a run did not record the machine load, so its wall times cannot be told quiet'
        : `a run was not quiet (1-min load above ${QUIET_LOAD_PER_CORE} × cores): wall p95 there counts other processes' time`;
  const rows = [];
  for (const c of large.results) {
    if (!FLAT_ROWS.some((re) => re.test(c.name))) continue;
    const s = small.results.find((x) => x.name === c.name);
    if (!s) continue;
    const wall = ratio(s.inProcess.p95, c.inProcess.p95);
    const cpu = s.inProcess.cpuP95 !== undefined && c.inProcess.cpuP95 !== undefined ? ratio(s.inProcess.cpuP95, c.inProcess.cpuP95) : null;
    const value = judged === 'wall' ? wall : cpu;
    rows.push({ name: c.name, small: { p95: s.inProcess.p95, cpuP95: s.inProcess.cpuP95 }, large: { p95: c.inProcess.p95, cpuP95: c.inProcess.cpuP95 }, wall, cpu, flat: value === null ? null : value <= FLAT_WITHIN });
  }
  return { from: small.size, to: large.size, runs: bySize.map((r) => r.runs), judged, why, rows, flat: rows.length > 0 && rows.every((r) => r.flat === true) };
}

function formatGrowth(g) {
  const out = [];
  const mark = (r) => (r.flat === null ? '?' : r.flat ? 'flat' : `✗ > ${FLAT_WITHIN}×`);
  out.push(`Growth ${g.from} → ${g.to} of counts, filters, phone and frequent-word search (p95 at ${g.to} ÷ p95 at ${g.from}; flat within ${FLAT_WITHIN}×).`);
  if (g.runs.some((n) => n > 1)) out.push(`Each figure is the median of ${g.runs.join(' / ')} runs per size.`);
  out.push(`Judged on ${g.judged === 'wall' ? 'wall' : 'CPU'} p95: ${g.why}.`);
  out.push('');
  out.push(`| case | wall p95 ${g.from} → ${g.to} ms | wall ratio | CPU p95 ${g.from} → ${g.to} ms | CPU ratio | judged (${g.judged}) |`);
  out.push('|---|---|---|---|---|---|');
  for (const r of g.rows) {
    out.push(`| ${r.name} | ${r.small.p95} → ${r.large.p95} | ${r.wall ?? ''}× | ${r.small.cpuP95 ?? ''} → ${r.large.cpuP95 ?? ''} | ${r.cpu ?? ''}× | ${mark(r)} |`);
  }
  out.push('');
  out.push(g.flat ? `All ${g.rows.length} rows flat within ${FLAT_WITHIN}× (${g.judged}).` : `NOT flat: ${g.rows.filter((r) => r.flat !== true).map((r) => r.name).join('; ') || 'no row to judge'}.`);
  return out;
}

function formatTables(results) {
  const reports = [...foldRuns(results)].sort((a, b) => a.facts.messages - b.facts.messages);
  const out = [];
  const names = [...new Set(reports.flatMap((r) => r.results.map((c) => c.name)))];
  const cell = (r, name) => {
    const c = r.results.find((x) => x.name === name);
    if (!c) return '';
    const ratio = c.ratio ? (c.ratio.kind === 'throughput' ? ` (${c.ratio.value} of raw)` : ` (${c.ratio.value}× raw)`) : '';
    const cpu = c.inProcess.cpuP95 !== undefined ? ` (cpu ${c.inProcess.cpuP95})` : '';
    return `${c.inProcess.p50} / ${c.inProcess.p95}${cpu}${ratio}${c.pass === false ? ' ✗' : ''}`;
  };
  const head = reports.map((r) => `${r.size} (${r.facts.messages.toLocaleString('en')} msgs${r.runs > 1 ? `, median of ${r.runs} runs` : ''})`);
  out.push(`| case (wall p50 / p95 (CPU p95) ms, in-process) | target p95 | ${head.join(' | ')} |`);
  out.push(`|---|---|${reports.map(() => '---').join('|')}|`);
  for (const n of names) {
    const target = reports.map((r) => r.results.find((x) => x.name === n)?.targetMs).find((t) => t != null);
    out.push(`| ${n} | ${target != null ? `< ${target}` : ''} | ${reports.map((r) => cell(r, n)).join(' | ')} |`);
  }
  const http = names.filter((n) => reports.some((r) => r.results.find((x) => x.name === n)?.http));
  if (http.length) {
    out.push('');
    out.push(`| over HTTP (p50 / p95 ms) | ${head.join(' | ')} |`);
    out.push(`|---|${reports.map(() => '---').join('|')}|`);
    for (const n of http) {
      out.push(`| ${n} | ${reports.map((r) => { const h = r.results.find((x) => x.name === n)?.http; return h ? `${h.p50} / ${h.p95}` : ''; }).join(' | ')} |`);
    }
  }
  return out;
}

module.exports = { judgeGrowth, formatGrowth, formatTables, FLAT_ROWS };

if (require.main === module) {
  const reports = process.argv.slice(2).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
  if (reports.length === 0) {
    process.stderr.write('usage: bench-growth.cjs RESULT.json…\n');
    process.exit(2);
  }
  const lines = formatTables(reports);
  if (new Set(reports.map((r) => r.size)).size > 1) lines.push('', ...formatGrowth(judgeGrowth(reports)));
  console.log(lines.join('\n'));
}
