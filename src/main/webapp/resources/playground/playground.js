// The Flow Playground page: wires the buttons to /playground/api/* and re-renders the state
// after each answer. Every exchange happens on the server; this script only shows it.
import {act, state, PlaygroundError} from './api.js';
import {render, renderExpiry, useSecret} from './render.js';

const $ = id => document.getElementById(id);
let current = null;

function text(id, value) {
  $(id).textContent = value;
}

function announce(message) {
  $('announce').textContent = message;
}

function show(s) {
  current = s;
  render(s);
  renderExpiry(s);
  document.body.dataset.playground = 'ready';
}

const TROUBLES = new Set(['refresh', 'reuse-refresh', 'revoke', 'replay', 'tamper', 'wrong-scope']);
const RESULT_CARD = {build: 'step-a', exchange: 'step-d', inspect: 'checks', userinfo: 'userinfo-result', call: 'step-f',
  reset: 'setup-title'};

/** Keyboard and screen-reader users land on what the action produced, not on the page body. */
function focusResult(s, action) {
  const target = s.failure ? $('failure')
    : TROUBLES.has(action) && !$('outcome').hidden ? $('outcome')
    : $(RESULT_CARD[action] ?? '');
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({preventScroll: false});
}

function setup() {
  return {clientType: $('ct-public').checked ? 'public' : 'confidential', scopes: $('scopes').value,
    openid: $('oidc').checked ? 'on' : ''};
}

async function run(button, action, params, message) {
  const buttons = [...document.querySelectorAll('.pg button')];
  const wasDisabled = new Map(buttons.map(b => [b, b.disabled]));
  buttons.forEach(b => { b.disabled = true; });
  document.body.dataset.playground = 'busy';
  try {
    const s = await act(action, params);
    if (s.navigate) {
      announce('Leaving for the authorization server…');
      window.location.assign(s.navigate);
      return;
    }
    show(s);
    announce(message(s));
    focusResult(s, action);
  } catch (e) {
    buttons.forEach(b => { b.disabled = wasDisabled.get(b); });
    document.body.dataset.playground = 'ready';
    announce(e instanceof PlaygroundError ? e.message : `Could not reach the playground: ${e.message}`);
  }
}

const outcome = s => s.outcome ? `${s.outcome.title}: ${s.outcome.explanation}` : 'Done.';

const actions = {
  'btn-build': () => ['build', setup(), () => 'Authorization request built: read the parameters, then send the browser.'],
  'btn-go': () => ['go', {}, () => ''],
  'btn-exchange': () => ['exchange', {}, s => !s.vars.accessToken ? outcome(s)
    : !s.idToken.present ? 'Tokens received (D).'
    : s.idToken.valid ? 'Tokens received (D); the ID token passed every check.' : 'Tokens received (D), but the ID token was REFUSED.'],
  'btn-inspect': () => ['inspect', {}, s => s.token.checks.every(c => c.ok) ? 'Signature and claims verified.' : 'Some checks failed.'],
  'btn-userinfo': () => ['userinfo', {}, s => `UserInfo answered HTTP ${s.resource?.status}.`],
  'btn-call': () => ['call', {endpoint: $('api-endpoint').value}, s => `API answered HTTP ${s.resource?.status}.`],
  'btn-refresh': () => ['refresh', {}, outcome],
  'btn-reuse-refresh': () => ['reuse-refresh', {}, outcome],
  'btn-revoke': () => ['revoke', {}, outcome],
  'btn-replay': () => ['replay', {}, outcome],
  'btn-tamper': () => ['tamper', {}, outcome],
  'btn-wrong-scope': () => ['wrong-scope', {}, outcome],
  'btn-deny': () => ['deny', setup(), () => ''],
  'btn-sign-out': () => ['sign-out', {}, () => ''],
  'btn-reset': () => ['reset', {}, () => 'Started over.'],
};

for (const [id, make] of Object.entries(actions)) {
  $(id).addEventListener('click', event => {
    const [action, params, message] = make();
    run(event.currentTarget, action, params, message);
  });
}

$('scopes').addEventListener('keydown', event => {
  if (event.key === 'Enter' && !$('btn-build').disabled) $('btn-build').click();
});

/** The scopes field, checked as it is typed: spaces between scopes, only scopes this client may ask for. */
function checkScopes() {
  const field = $('scopes');
  const allowed = new Set(field.dataset.allowed.split(' '));
  const value = field.value;
  const tokens = value.trim().split(/[\s,]+/).filter(Boolean);
  const unknown = [...new Set(tokens.filter(t => !allowed.has(t)))];
  const problems = [];
  if (value.includes(',')) problems.push('Separate scopes with spaces, not commas (RFC 6749 §3.3).');
  if (unknown.length) problems.push(`Not allowed for this client: ${unknown.join(', ')}. It may ask for: ${[...allowed].join(' ')}.`);
  $('scopes-problem').textContent = problems.join(' ');
  if (problems.length) field.setAttribute('aria-invalid', 'true'); else field.removeAttribute('aria-invalid');
  const busy = document.body.dataset.playground === 'busy';
  $('btn-build').disabled = busy || problems.length > 0;
  $('btn-deny').disabled = busy || problems.length > 0;
}
$('scopes').addEventListener('input', checkScopes);

$('btn-secret').addEventListener('click', async () => {
  const button = $('btn-secret');
  if (button.getAttribute('aria-pressed') === 'true') {
    useSecret(null);
    text('secret-value', '••••••••');
    button.textContent = 'Show';
    button.setAttribute('aria-pressed', 'false');
    if (current) show(current);
    return;
  }
  try {
    const s = await act('secret');
    useSecret(s.secret);
    show(s); // the log's curl commands now start by setting CLIENT_SECRET
    text('secret-value', s.secret);
    button.textContent = 'Hide';
    button.setAttribute('aria-pressed', 'true');
    announce('The demo secret is shown; copied curl commands now set CLIENT_SECRET.');
  } catch (e) {
    announce(e instanceof PlaygroundError ? e.message : `Could not reach the playground: ${e.message}`);
  }
});

$('btn-forget-consent').addEventListener('click', () =>
  run($('btn-forget-consent'), 'forget-consent', {}, () => 'Consent forgotten: the consent page will ask again.'));

setInterval(() => renderExpiry(current), 1000);

// The compact copy of the diagram stays in view once the diagram itself has scrolled away.
new IntersectionObserver(([e]) => { $('pg-mini').hidden = e.isIntersecting; }).observe($('pg-diagram'));

try {
  const s = await state();
  $(s.confidential ? 'ct-confidential' : 'ct-public').checked = true;
  $('oidc').checked = s.openid;
  if (s.scopes) $('scopes').value = s.scopes.split(' ').filter(t => t !== 'openid').join(' ');
  show(s);
  checkScopes();
  if (location.hash === '#step-b') {
    $('step-b').scrollIntoView({block: 'center'});
    focusResult(s, 'callback');
    if (!s.failure) { $('step-b').setAttribute('tabindex', '-1'); $('step-b').focus(); }
    announce(s.outcome ? outcome(s) : 'Back from the authorization server with a code (B).');
  } else if (location.hash === '#sign-out') {
    $('step-sign-out').scrollIntoView({block: 'center'});
    announce(outcome(s));
  }
} catch (e) {
  announce(`Could not load the playground state: ${e.message}`);
}
