package org.gatehouse.error;

/**
 * The browser-facing error page: self-contained HTML (no Faces, no database: it must render when
 * they fail) with the site's header and colours, and every dynamic text escaped.
 * Used wherever an error must not be redirected to a client (RFC 6749 §4.1.2.1: unknown client
 * or unverified redirect URI) and for every container error, so no stack trace is ever shown.
 */
public final class ErrorPage {

    private ErrorPage() {
    }

    public static String render(int status, String title, String message) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Gatehouse</title>
                <style>body{font:15px/1.5 system-ui,sans-serif;color:#1d2433;background:#f6f7fa;margin:0}
                .topbar{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.4rem 1rem;padding:.6rem 1.2rem;background:#fff;border-bottom:1px solid #d8dde6}
                .topbar nav{display:flex;flex-wrap:wrap;gap:.4rem 1rem}.brand{font-weight:700;text-decoration:none;color:#1d2433}
                a{color:#1f5fbf}main{max-width:34rem;margin:3rem auto;background:#fff;border:1px solid #d8dde6;border-radius:8px;padding:1.5rem;overflow-wrap:anywhere}
                h1{font-size:1.3rem;margin:0 0 .8rem;color:#b3261e}.code{color:#5b6475}
                @media (max-width:600px){.topbar nav{width:100%%}main{margin:1rem .6rem}}</style></head>
                <body><header class="topbar"><a class="brand" href="/">Gatehouse</a><nav><a href="/playground/">Flow Playground</a>
                <a href="/admin/">Admin console</a></nav></header>
                <main><h1>%s</h1><p>%s</p><p class="code">HTTP %d</p><p><a href="/">Gatehouse home</a></p></main></body></html>
                """.formatted(escape(title), escape(title), escape(message), status);
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
