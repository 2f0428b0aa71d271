// The Flow Playground page: wires the buttons to /playground/api/* and re-renders the state
// after each answer. Every exchange happens on the server; this script only shows it.
import {act, state, PlaygroundError} from './api.js';
import {render, renderExpiry} from './render.js';

const $ = id => document.getElementById(id);
let current = null;

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
  if (event.key === 'Enter') $('btn-build').click();
});

setInterval(() => renderExpiry(current), 1000);

// The compact copy of the diagram stays in view once the diagram itself has scrolled away.
new IntersectionObserver(([e]) => { $('pg-mini').hidden = e.isIntersecting; }).observe($('pg-diagram'));

try {
  const s = await state();
  $(s.confidential ? 'ct-confidential' : 'ct-public').checked = true;
  $('oidc').checked = s.openid;
  if (s.scopes) $('scopes').value = s.scopes.split(' ').filter(t => t !== 'openid').join(' ');
  show(s);
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
