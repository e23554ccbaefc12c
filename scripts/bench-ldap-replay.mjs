// Replays the searches entra-preflight recorded (ENTRA_PREFLIGHT_LDAP_RECORD, one JSON line per
// search, src/probes/ldap/record.ts) with OpenLDAP's ldapsearch: same host and port, base, scope,
// filter, attributes, paging (-E pr=N/noprompt) and controls (-E [!]oid=::base64), bound as the
// same account over LDAPS with the password in a private file (-y), never in argv.
// Used by scripts/bench-ldap-scan.sh; not part of the test suite.
//
//   node scripts/bench-ldap-replay.mjs RECORD.jsonl overlap|sequential   (env: BENCH_BIND, BENCH_PW, BENCH_ADDRESS)
//
// overlap (the default the benchmark compares against): searches that ran at the same time in the
// recorded run (their [start, end] intervals overlap) run at the same time here, each its own
// ldapsearch process; the groups run one after another, as the probe's reads did. sequential: one
// search at a time, the replay of the issue's first measurement.
// Prints one JSON line: { ms, searches, mismatches: [...] } where ms is the wall time from the first
// ldapsearch started to the last one ended (this driver's own start-up is not counted).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const [file, mode = 'overlap'] = process.argv.slice(2);
const bind = process.env.BENCH_BIND;
const password = process.env.BENCH_PW;
// The DC's DNS name does not resolve outside the probe (which asks the DC's own DNS): connect by address.
const address = process.env.BENCH_ADDRESS;
if (!file || !bind || password === undefined) {
  console.error('usage: BENCH_BIND=… BENCH_PW=… node scripts/bench-ldap-replay.mjs RECORD.jsonl [overlap|sequential]');
  process.exit(2);
}
// ldapsearch -y reads the password from a file; Node's stdio "pipes" are socket pairs, which
// /dev/fd/N cannot reopen, so a file readable by this user only, in a folder of its own, removed on exit.
const folder = mkdtempSync(join(tmpdir(), 'bench-ldap-'));
const passwordFile = join(folder, 'pw');
writeFileSync(passwordFile, password, { mode: 0o600 });
process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
const searches = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

function args(s) {
  const [host, port] = s.host.split(/:(?=\d+$)/);
  const out = ['-LLL', '-x', '-o', 'ldif-wrap=no', '-H', `ldaps://${address ?? host}:${port ?? 636}`, '-D', bind, '-y', passwordFile, '-b', s.base, '-s', s.scope];
  if (s.pageSize !== null) out.push('-E', `pr=${s.pageSize}/noprompt`);
  for (const c of s.controls) out.push('-E', `${c.critical ? '!' : ''}${c.type}${c.value === null ? '' : `=::${c.value}`}`);
  out.push(s.filter, ...s.attributes);
  return out;
}

/** Runs one search; resolves with the number of entries ldapsearch printed (lines starting "dn:"). */
function run(s) {
  return new Promise((resolve, reject) => {
    const child = spawn('ldapsearch', args(s), { stdio: ['ignore', 'pipe', 'pipe'] });
    let entries = 0;
    let err = '';
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      if (line.startsWith('dn:')) entries++;
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      // 'close' comes after stdout ended, so every line has been counted.
      // 0 = success, 32 = no such object (the probe reads that as "not there", 0 entries).
      if (code !== 0 && code !== 32) reject(new Error(`ldapsearch exit ${code} for ${s.base} ${s.filter}: ${err.trim()}`));
      else resolve(entries);
    });
  });
}

/** Searches grouped by overlapping recorded intervals, in the order they started. */
function waves(list) {
  const sorted = [...list].sort((a, b) => a.startMs - b.startMs);
  const out = [];
  let end = -Infinity;
  for (const s of sorted) {
    if (mode === 'overlap' && out.length > 0 && s.startMs < end) out.at(-1).push(s);
    else out.push([s]);
    end = out.at(-1).length === 1 ? s.endMs : Math.max(end, s.endMs);
  }
  return out;
}

const mismatches = [];
const started = performance.now();
for (const wave of waves(searches)) {
  const counts = await Promise.all(wave.map(run));
  wave.forEach((s, i) => {
    if (counts[i] !== s.entries) mismatches.push({ base: s.base, filter: s.filter, recorded: s.entries, replayed: counts[i] });
  });
}
const ms = Math.round(performance.now() - started);
console.log(JSON.stringify({ ms, searches: searches.length, waves: waves(searches).length, mismatches }));
