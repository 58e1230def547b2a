#!/usr/bin/env node
// Prints the README's growth table from `clinic-desk bench --size S --out FILE` results:
//   node scripts/bench-growth.cjs .bench/result-10k.json .bench/result-100k.json .bench/result-1m.json
const fs = require('node:fs');

const reports = process.argv.slice(2).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
if (reports.length === 0) {
  process.stderr.write('usage: bench-growth.cjs RESULT.json…\n');
  process.exit(2);
}
const names = [...new Set(reports.flatMap((r) => r.results.map((c) => c.name)))];
const cell = (r, name) => {
  const c = r.results.find((x) => x.name === name);
  if (!c) return '';
  const ratio = c.ratio ? (c.ratio.kind === 'throughput' ? ` (${c.ratio.value} of raw)` : ` (${c.ratio.value}× raw)`) : '';
  const cpu = c.inProcess.cpuP95 !== undefined ? ` (cpu ${c.inProcess.cpuP95})` : '';
  return `${c.inProcess.p50} / ${c.inProcess.p95}${cpu}${ratio}${c.pass === false ? ' ✗' : ''}`;
};
const head = reports.map((r) => `${r.size} (${r.facts.messages.toLocaleString('en')} msgs)`);
console.log(`| case (wall p50 / p95 (CPU p95) ms, in-process) | target p95 | ${head.join(' | ')} |`);
console.log(`|---|---|${reports.map(() => '---').join('|')}|`);
for (const n of names) {
  const target = reports.map((r) => r.results.find((x) => x.name === n)?.targetMs).find((t) => t != null);
  console.log(`| ${n} | ${target != null ? `< ${target}` : ''} | ${reports.map((r) => cell(r, n)).join(' | ')} |`);
}
const http = names.filter((n) => reports.some((r) => r.results.find((x) => x.name === n)?.http));
if (http.length) {
  console.log('');
  console.log(`| over HTTP (p50 / p95 ms) | ${head.join(' | ')} |`);
  console.log(`|---|${reports.map(() => '---').join('|')}|`);
  for (const n of http) console.log(`| ${n} | ${reports.map((r) => { const h = r.results.find((x) => x.name === n)?.http; return h ? `${h.p50} / ${h.p95}` : ''; }).join(' | ')} |`);
}
