# Prints a user access token from the Gatehouse at argv[1], by the code flow with PKCE (bench-client,
# alice, as in server-config/bench/import.json); used by two-nodes.sh.
import urllib.request, urllib.parse, re, sys, base64, hashlib, secrets
base = sys.argv[1]
jar = {}
class NoRedir(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
op = urllib.request.build_opener(NoRedir)
def req(url, data=None, headers={}):
    if url.startswith('/'): url = base + url
    r = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode() if data is not None else None)
    if jar: r.add_header('Cookie', '; '.join(f'{k}={v}' for k, v in jar.items()))
    for k, v in headers.items(): r.add_header(k, v)
    try: resp = op.open(r)
    except urllib.error.HTTPError as e: resp = e
    for h in resp.headers.get_all('Set-Cookie') or []:
        k, v = h.split(';')[0].split('=', 1); jar[k] = v
    return resp, resp.read().decode()
def form(body, fid):
    f = re.search(r'<form id="%s".*?</form>' % fid, body, re.S).group()
    action = re.search(r'<form id="%s"[^>]*action="([^"]+)"' % fid, body).group(1).replace('&amp;', '&')
    fields = {}
    for a in re.findall(r'<input([^>]*)>', f):
        n = re.search(r'name="([^"]*)"', a); v = re.search(r'value="([^"]*)"', a); t = re.search(r'type="([^"]*)"', a)
        if n and (not t or t.group(1) != 'submit'): fields[n.group(1)] = (v.group(1) if v else '').replace('&amp;', '&')
    return action, fields
def follow(resp, body):
    while resp.status in (301, 302, 303, 307):
        loc = resp.headers['Location']
        if loc.startswith('http://127.0.0.1:18399'): return loc
        if loc.startswith('http') and not loc.startswith(base): loc = base + urllib.parse.urlparse(loc).path + ('?' + urllib.parse.urlparse(loc).query if urllib.parse.urlparse(loc).query else '')
        resp, body = req(loc)
    return resp, body
v = secrets.token_urlsafe(48); c = base64.urlsafe_b64encode(hashlib.sha256(v.encode()).digest()).decode().rstrip('=')
q = urllib.parse.urlencode(dict(response_type='code', client_id='bench-client', redirect_uri='http://127.0.0.1:18399/cb', scope='profile', state='s', code_challenge=c, code_challenge_method='S256'))
r = follow(*req('/oauth2/authorize?' + q))
if not isinstance(r, str):
    action, f = form(r[1], 'login'); f.update(username='alice', password='alice-password', signin='Sign in')
    r = follow(*req(action, f))
if not isinstance(r, str):
    action, f = form(r[1], 'consent'); f['allow'] = 'Allow'
    r = follow(*req(action, f))
code = urllib.parse.parse_qs(urllib.parse.urlparse(r).query)['code'][0]
auth = base64.b64encode(b'bench-client:bench-secret-0123456789abcdef0123456789abcdef0').decode()
resp, body = req('/oauth2/token', dict(grant_type='authorization_code', code=code, redirect_uri='http://127.0.0.1:18399/cb', code_verifier=v), {'Authorization': 'Basic ' + auth})
import json; print(json.loads(body)['access_token'])
