import { isGatheringFailure } from '../engine/result.js';
import { fillRemediation, groupNotEvaluated, planPosition, subjectOf } from './present.js';
import { byPage, isActive, summarize } from './summary.js';
import type { Reporter } from './types.js';

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const style = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #d0d7de}
.summary{display:flex;gap:1rem;flex-wrap:wrap;align-items:center;padding:.8rem;border:1px solid #d0d7de;border-radius:6px}
.badge{font-weight:600;padding:.1rem .5rem;border-radius:4px}.incomplete{background:#fff1c2;color:#7a4d00}
.sev-error{color:#b42318}.sev-warning{color:#8a5a00}.sev-note{color:#0b5cad}
ul.findings{list-style:none;padding:0}li.finding{border-left:4px solid #d0d7de;padding:.4rem .8rem;margin:.5rem 0}
li.finding[data-severity=error]{border-color:#b42318}li.finding[data-severity=warning]{border-color:#d4a72c}li.finding[data-severity=note]{border-color:#0b5cad}
.fix,.where,.evidence{color:#424a53;margin:.15rem 0}code{font-size:.92em}details summary{cursor:pointer;color:#424a53}
fieldset{border:1px solid #d0d7de;border-radius:6px}`;

// Severity filters: plain inline script, no network, no library.
const script = `
for (const box of document.querySelectorAll('input[data-filter]')) {
  box.addEventListener('change', () => {
    const sev = box.dataset.filter;
    for (const li of document.querySelectorAll('li.finding[data-severity="' + sev + '"]')) li.hidden = !box.checked;
    for (const section of document.querySelectorAll('section.page')) section.hidden = section.querySelectorAll('li.finding:not([hidden])').length === 0;
  });
}`;

/**
 * One self-contained HTML file to share: inline style and script only (no external assets, no
 * network), summary first (INCOMPLETE when facts could not be gathered), severity filters, findings
 * grouped by wizard page with fix, evidence and plan location, then what was not evaluated or not
 * requested. The content security policy forbids any load from elsewhere.
 */
export const htmlReporter: Reporter = ({ result, plan }) => {
  const s = summarize(result);
  const incomplete = result.notEvaluated.some(isGatheringFailure);
  const out: string[] = [];
  out.push('<!doctype html>', '<html lang="en"><head><meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">`);
  out.push(`<title>entra-preflight report — ${escapeHtml(result.plan.file)}</title><style>${style}</style></head><body>`);
  out.push(`<h1>entra-preflight report</h1>`);
  out.push(`<p>${result.mode === 'live' ? 'Live environment' : 'Offline facts bundle'}, plan <code>${escapeHtml(result.plan.file)}</code>, ${escapeHtml(result.startedAt)}, ${escapeHtml(result.tool.name)} ${escapeHtml(result.tool.version)}</p>`);
  out.push('<div class="summary" id="summary">');
  if (incomplete) out.push('<span class="badge incomplete" id="incomplete">INCOMPLETE: some facts could not be gathered</span>');
  out.push(`<span class="sev-error"><b id="count-error">${s.error}</b> errors</span>`);
  out.push(`<span class="sev-warning"><b id="count-warning">${s.warning}</b> warnings</span>`);
  out.push(`<span class="sev-note"><b id="count-note">${s.note}</b> notes</span>`);
  out.push(`<span><b id="count-not-evaluated">${s.notEvaluated}</b> rules not evaluated</span>`);
  out.push(`<span><b id="count-suppressed">${s.suppressed}</b> suppressed</span>`);
  out.push(`<span><b id="count-rules-run">${s.rulesRun}</b> rules run</span>`);
  out.push('</div>');
  out.push('<fieldset id="filters"><legend>Show</legend>');
  for (const sev of ['error', 'warning', 'note'] as const)
    out.push(`<label><input type="checkbox" data-filter="${sev}" id="filter-${sev}" checked> ${sev}s</label>`);
  out.push('</fieldset>');

  for (const [page, findings] of byPage(result.findings.filter(isActive))) {
    out.push(`<section class="page"><h2>${escapeHtml(page)}</h2><ul class="findings">`);
    for (const f of findings) {
      const pos = planPosition(f.location, plan);
      const subject = subjectOf(f.location);
      out.push(`<li class="finding" data-severity="${f.severity}" data-rule="${escapeHtml(f.ruleId)}">`);
      out.push(`<div><b class="sev-${f.severity}">${f.severity}</b> <b>${escapeHtml(f.ruleId)}</b> ${escapeHtml(f.message)}</div>`);
      if (pos || subject) out.push(`<div class="where">${pos ? `plan <code>${escapeHtml(pos)}</code>` : ''}${pos && subject ? ' · ' : ''}${escapeHtml(subject)}</div>`);
      out.push(`<div class="fix">Fix: ${escapeHtml(fillRemediation(f))}</div>`);
      const evidence = Object.entries(f.data).map(([k, v]) => `<li><code>${escapeHtml(k)}</code>: ${escapeHtml(Array.isArray(v) ? v.join(', ') : String(v))}</li>`);
      if (evidence.length > 0) out.push(`<details class="evidence"><summary>Evidence</summary><ul>${evidence.join('')}</ul></details>`);
      out.push('</li>');
    }
    out.push('</ul></section>');
  }

  const quiet = result.findings.filter((f) => !isActive(f));
  if (quiet.length > 0) {
    out.push('<h2>Accepted (suppressed or already in the baseline)</h2><ul id="accepted">');
    for (const f of quiet) out.push(`<li>${f.severity} ${escapeHtml(f.ruleId)} ${escapeHtml(f.message)} (${escapeHtml(f.suppression ? `suppressed: ${f.suppression.reason}` : 'unchanged since baseline')})</li>`);
    out.push('</ul>');
  }
  const groups = groupNotEvaluated(result.notEvaluated);
  for (const [title, id, list] of [
    ['Not evaluated (facts could not be gathered)', 'not-evaluated', groups.filter((g) => g.requested)],
    ['Not requested (the plan does not ask for these checks)', 'not-requested', groups.filter((g) => !g.requested)],
  ] as const) {
    if (list.length === 0) continue;
    out.push(`<h2>${title}</h2><ul id="${id}">`);
    for (const g of list) out.push(`<li><b>${escapeHtml(g.rules.join(', '))}</b>${g.where ? ` — ${escapeHtml(g.where)}` : ''}: ${escapeHtml(g.why)}<div class="fix">To do: ${escapeHtml(g.advice)}</div></li>`);
    out.push('</ul>');
  }
  if (result.notices.length > 0) out.push(`<h2>Notices</h2><ul>${result.notices.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
  out.push(`<script>${script}</script></body></html>`);
  return `${out.join('\n')}\n`;
};
