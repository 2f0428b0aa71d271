// Talks to /playground/api/*: GET the state, POST one action per button. Every POST carries
// the session's CSRF token in a header, which a cross-site page can neither read nor send.
const meta = name => document.querySelector(`meta[name="${name}"]`)?.content ?? '';
const base = meta('playground-base');
const csrf = meta('playground-csrf');

export class PlaygroundError extends Error {}

async function read(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new PlaygroundError(body.message ?? `The playground answered HTTP ${response.status}.`);
  }
  body.receivedAt = Date.now();
  return body;
}

export async function state() {
  return read(await fetch(`${base}/playground/api/state`, {credentials: 'same-origin', cache: 'no-store'}));
}

export async function act(action, params = {}) {
  const response = await fetch(`${base}/playground/api/${action}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {'X-Playground-Csrf': csrf, 'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams(params),
  });
  return read(response);
}
