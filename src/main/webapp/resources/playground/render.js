// Renders the playground's state into the page. Only textContent is used: tokens, URLs and
// server answers are shown, never interpreted as HTML.
const $ = id => document.getElementById(id);
const text = (id, value) => { const e = $(id); if (e) e.textContent = value; };

const ROLES = {CLIENT: 'client', BROWSER: 'browser', AUTHORIZATION_SERVER: 'as', RESOURCE_SERVER: 'rs'};
const ACTORS = {A: ['client', 'browser', 'as'], B: ['as', 'browser', 'client'], C: ['client', 'as'],
  D: ['as', 'client'], E: ['client', 'rs'], F: ['rs', 'client']};
const STEPS = ['A', 'B', 'C', 'D', 'E', 'F'];

export function short(value, keep = 12) {
  if (!value) return 'none';
  return value.length <= keep * 2 + 1 ? value : `${value.slice(0, keep)}…${value.slice(-keep)}`;
}

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  Object.assign(e, props);
  children.filter(c => c !== null && c !== undefined).forEach(c => e.append(c));
  return e;
}

export function render(s) {
  const failed = s.failure ?? null;
  for (const [role, id] of Object.entries(ROLES)) {
    text(`status-${id}`, s.status[role]);
    $(`role-${id}`).classList.toggle('active', !failed && (ACTORS[s.current] ?? []).includes(id));
    $(`role-${id}`).classList.toggle('refused', failed?.role === id);
    $(`mini-${id}`).classList.toggle('refused', failed?.role === id);
  }
  for (const step of STEPS) {
    const isFailed = failed?.step === step;
    const current = s.current === step && !failed;
    const done = s.done.includes(step);
    for (const node of [$(`arrow-${step}`), $(`step-${step.toLowerCase()}`), $(`mini-${step}`)]) {
      node.classList.toggle('current', current);
      node.classList.toggle('failed', isFailed);
      node.classList.toggle('done', done && !current && !isFailed);
      if (current) node.setAttribute('aria-current', 'step'); else node.removeAttribute('aria-current');
    }
  }
  renderFailure(failed);
  renderRequest(s);
  renderCallback(s);
  renderTokens(s);
  renderIdToken(s);
  renderResource(s);
  renderVars(s);
  renderSignOut(s);
  renderOutcome(s);
  renderLog(s.log);
  const can = s.can;
  const enable = (id, on) => { $(id).disabled = !on; };
  const scopesOk = $('scopes').getAttribute('aria-invalid') !== 'true';
  ['btn-build', 'btn-deny'].forEach(id => enable(id, scopesOk));
  ['btn-reset', 'btn-secret', 'btn-forget-consent'].forEach(id => enable(id, true));
  renderConsent(s);
  enable('btn-go', can.go);
  enable('btn-exchange', can.exchange);
  enable('btn-inspect', can.inspect);
  enable('btn-call', can.callApi);
  enable('btn-userinfo', can.userInfo);
  enable('btn-refresh', can.refresh);
  enable('btn-reuse-refresh', can.reuseRefresh);
  enable('btn-revoke', can.revoke);
  enable('btn-replay', can.replay);
  enable('btn-tamper', can.tamper);
  enable('btn-wrong-scope', can.wrongScope);
  enable('btn-sign-out', can.signOut);
  $('api-endpoint').querySelector('option[value="NOTES_DELETE"]').disabled = !can.deleteNote;
  renderWhy(s.why ?? {});
}

/** A remembered consent means no consent page: say so, and offer to forget it. */
function renderConsent(s) {
  const c = s.consent ?? {};
  $('consent-note').hidden = !c.remembered;
  text('consent-text', c.remembered
    ? `You consented to this playground client before (${c.scopes}): the consent page is skipped for those scopes.` : '');
}

const WHY_BUTTONS = {refresh: 'btn-refresh', reuseRefresh: 'btn-reuse-refresh', revoke: 'btn-revoke', replay: 'btn-replay',
  tamper: 'btn-tamper', wrongScope: 'btn-wrong-scope'};

/** Each "beyond the happy path" button that is off says why, on the button and in a list under the buttons. */
function renderWhy(why) {
  const items = [];
  for (const [key, id] of Object.entries(WHY_BUTTONS)) {
    const button = $(id);
    const reason = button.disabled ? why[key] : undefined;
    button.title = reason ?? '';
    if (reason) {
      button.setAttribute('aria-describedby', `why-${id}`);
      items.push(el('li', {id: `why-${id}`}, el('b', {textContent: `${button.textContent}: `}), reason));
    } else {
      button.removeAttribute('aria-describedby');
    }
  }
  $('pg-why').replaceChildren(...items);
  $('pg-why').hidden = items.length === 0;
}

const ROLE_NAMES = {client: 'the client', browser: 'the browser', as: 'the authorization server', rs: 'the resource server'};

/** The refusal, in the card of the step whose answer it was: the server's answer as it came, and why. */
function renderFailure(f) {
  const box = $('failure');
  if (!f) { box.hidden = true; return; }
  const card = $(`step-${f.step.toLowerCase()}`);
  if (box.parentElement !== card) card.append(box);
  box.hidden = false;
  text('failure-title', `✗ (${f.step}) refused by ${ROLE_NAMES[f.role] ?? f.role}`);
  text('failure-status', f.status ? `HTTP ${f.status}` : '');
  text('failure-error', f.error ? `error=${f.error}` : '');
  text('failure-description', f.description ? `error_description: ${f.description}` : '');
  $('failure-description').hidden = !f.description;
  text('failure-reason', f.reason);
}

function renderRequest(s) {
  const built = Boolean(s.authorization.url);
  $('auth-built').hidden = !built;
  $('auth-empty').hidden = built;
  text('auth-url', s.authorization.url);
  const rows = s.authorization.params.map(p => el('tr', {},
    el('th', {scope: 'row'}, el('code', {textContent: p.name})),
    el('td', {}, el('code', {className: 'pg-value', textContent: p.value})),
    el('td', {textContent: p.explanation})));
  $('auth-params').replaceChildren(...rows);
}

function renderSignOut(s) {
  const o = s.signOut;
  text('signout-sent', o.state ? short(o.state, 6) : '–');
  text('signout-result', o.signedOut ? `✓ back at the post-logout redirect URI with the same state (${short(o.state, 6)}): signed out`
    : o.state ? 'waiting for the browser to come back' : '–');
}

function renderCallback(s) {
  const v = s.vars;
  text('callback-code', v.codeValue || (s.outcome && s.current === 'B' ? `no code: error=${s.outcome.error}` : '–'));
  text('callback-state', v.stateMatched === 'matches' ? `✓ the returned state equals the one this session sent (${short(v.state, 6)})`
    : v.stateMatched === 'MISMATCH' ? '✗ the returned state does NOT match: the answer was rejected' : '–');
}

function renderTokens(s) {
  text('token-response', s.token.response || '–');
  text('jwt-header', s.token.header || '–');
  text('jwt-claims', s.token.claims || '–');
  $('checks').replaceChildren(...s.token.checks.map(c => el('li', {className: c.ok ? 'ok' : 'bad'},
    el('span', {className: 'pg-mark', textContent: c.ok ? '✓' : '✗', ariaHidden: 'true'}),
    el('b', {textContent: ` ${c.name}: `}), c.detail)));
}

const MARKS = {passed: '✓', failed: '✗', not_checked: '–'};
const CLASSES = {passed: 'ok', failed: 'bad', not_checked: 'skip'};

function checkItems(checks) {
  return checks.map(c => el('li', {className: CLASSES[c.status] ?? 'bad', title: c.status.replace('_', ' ')},
    el('span', {className: 'pg-mark', textContent: MARKS[c.status] ?? '✗', ariaHidden: 'true'}),
    el('b', {textContent: ` ${c.name}: `}), c.detail,
    c.why ? el('span', {className: 'pg-why', textContent: `Why: ${c.why}`}) : null));
}

function claimRows(rows) {
  return rows.map(r => el('tr', {},
    el('th', {scope: 'row'}, el('code', {textContent: r.name})),
    el('td', {}, el('code', {className: 'pg-value', textContent: r.value})),
    el('td', {textContent: r.meaning})));
}

function renderIdToken(s) {
  const id = s.idToken;
  $('id-present').hidden = !id.present;
  $('id-empty').hidden = id.present;
  $('step-id').classList.toggle('current', id.present && (s.current === 'D' || s.current === 'E' || s.current === 'F'));
  if (!id.present) return;
  text('id-verdict', id.valid ? '✓ ID token accepted: every check passed' : '✗ ID token REFUSED: a check failed, so nobody is signed in');
  $('id-verdict').className = `pg-verdict ${id.valid ? 'ok' : 'bad'}`;
  text('id-header', id.header || '–');
  $('id-claims').replaceChildren(...claimRows(id.rows));
  $('id-checks').replaceChildren(...checkItems(id.checks));
  const u = id.userInfo;
  $('userinfo-result').hidden = !u;
  if (!u) return;
  text('userinfo-status', `HTTP ${u.status}`);
  $('userinfo-status').className = `pg-http ${u.status >= 400 ? 'bad' : 'ok'}`;
  $('userinfo-claims').replaceChildren(...claimRows(u.rows));
  $('userinfo-checks').replaceChildren(...checkItems(u.checks));
}

function renderResource(s) {
  const r = s.resource;
  text('resource-endpoint', r ? r.endpoint : '–');
  text('resource-status', r ? `HTTP ${r.status}` : '');
  $('resource-status').className = `pg-http ${r && r.status >= 400 ? 'bad' : 'ok'}`;
  text('resource-body', r ? (r.body || '(empty body)') : '–');
}

function renderVars(s) {
  const v = s.vars;
  text('var-code', v.code === 'none' ? 'none' : v.code === 'consumed' ? `consumed (${short(v.codeValue, 6)})`
    : v.code === 'refused' ? `refused (${short(v.codeValue, 6)})` : v.codeValue);
  text('var-access-token', v.accessToken ? `${short(v.accessToken, 10)}${v.revoked ? ' (revoked)' : ''}` : 'none');
  $('var-access-token').title = v.accessToken;
  text('var-scope', v.grantedScope || 'none');
  text('var-refresh-token', v.refreshToken ? `${short(v.refreshToken, 8)}${v.revoked ? ' (revoked)' : ''}` : 'none');
  $('var-rotated').replaceChildren(...v.rotated.map(t => el('li', {textContent: `${short(t, 8)} (rotated out)`})));
  text('var-id-token', v.idToken ? short(v.idToken, 10) : 'none');
  $('var-id-token').title = v.idToken;
  text('var-nonce', v.nonce || 'none');
  text('var-state', v.state ? `${v.state}${v.stateMatched ? ` (${v.stateMatched === 'matches' ? 'checked ✓' : 'MISMATCH'})` : ''}` : 'none');
  text('var-verifier', v.verifier || 'none');
  text('var-challenge', v.challenge || 'none');
}

/** The code's and the access token's remaining lifetimes, corrected for the difference between the clocks. */
export function renderExpiry(s) {
  const v = s?.vars;
  countdown('var-code-expiry', v && v.code === 'received' ? v.codeExpiresAt : 0, s);
  countdown('var-access-expiry', v && v.accessToken ? v.accessExpiresAt : 0, s);
}

function countdown(id, expiresAt, s) {
  if (!expiresAt) { text(id, ''); $(id).classList.remove('bad'); return; }
  const left = Math.round((expiresAt - s.now - (Date.now() - s.receivedAt)) / 1000);
  const m = Math.floor(Math.abs(left) / 60), sec = String(Math.abs(left) % 60).padStart(2, '0');
  text(id, left > 0 ? `expires in ${m}:${sec}` : 'expired');
  $(id).classList.toggle('bad', left <= 0);
}

function renderOutcome(s) {
  const o = s.outcome;
  $('outcome').hidden = !o;
  if (!o) return;
  $('outcome').className = `pg-outcome ${o.status >= 400 || o.error ? 'bad' : 'ok'}`;
  text('outcome-title', o.title);
  text('outcome-status', o.status ? `HTTP ${o.status}` : '');
  text('outcome-error', o.error ? `error=${o.error}` : '');
  text('outcome-explanation', o.explanation);
}

const openEntries = new Set();

function renderLog(log) {
  $('log-empty').hidden = log.length > 0;
  $('log').replaceChildren(...log.map(entry));
}

function entry(x) {
  const time = new Date(x.at).toLocaleTimeString([], {hour12: false});
  const result = x.front ? 'browser' : `→ ${x.status}`;
  const summary = el('summary', {},
    el('time', {dateTime: x.at, textContent: time}), ' ',
    el('span', {className: 'pg-badge', textContent: x.step}), ' ',
    el('span', {textContent: x.title}), ' ',
    el('code', {textContent: `${x.method} ${new URL(x.url).pathname}`}), ' ',
    el('span', {className: `pg-http ${x.status >= 400 ? 'bad' : 'ok'}`, textContent: result}));
  const request = [`${x.method} ${x.url}`, ...x.requestHeaders, ...(x.requestBody ? ['', x.requestBody] : [])].join('\n');
  const response = x.front ? '(front channel: the browser made this request; the playground sees only where it led)'
    : [`HTTP ${x.status}`, ...x.responseHeaders, ...(x.responseBody ? ['', x.responseBody] : [])].join('\n');
  const copy = el('button', {type: 'button', className: 'secondary pg-copy', textContent: 'Copy as curl'});
  const curl = el('pre', {className: 'pg-curl', textContent: runnable(x.curl)});
  copy.addEventListener('click', () => copyText(runnable(x.curl), copy, curl));
  const details = el('details', {className: 'pg-entry', id: `log-${x.id}`}, summary,
    el('h4', {textContent: 'Request'}), el('pre', {className: 'pg-request', textContent: request}),
    el('h4', {textContent: 'Response'}), el('pre', {className: 'pg-response', textContent: response}),
    el('h4', {textContent: 'curl'}), curl, copy);
  details.open = openEntries.has(x.id);
  details.addEventListener('toggle', () => details.open ? openEntries.add(x.id) : openEntries.delete(x.id));
  return el('li', {}, details);
}

let demoSecret = null;

/** The playground's demo secret once the user asked to see it: copied commands then set CLIENT_SECRET. */
export function useSecret(secret) {
  demoSecret = secret;
}

/** A command as copied: with the secret assignment first when it reads $CLIENT_SECRET and the secret was shown. */
export function runnable(command) {
  if (!demoSecret || !command.includes('$CLIENT_SECRET')) return command;
  return `CLIENT_SECRET='${demoSecret.replaceAll("'", "'\\''")}'\n${command}`;
}

async function copyText(value, button, pre) {
  try {
    await navigator.clipboard.writeText(value);
    button.textContent = 'Copied';
  } catch {
    const range = document.createRange();
    range.selectNodeContents(pre);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    button.textContent = 'Selected: press Ctrl+C';
  }
  setTimeout(() => { button.textContent = 'Copy as curl'; }, 2000);
}
