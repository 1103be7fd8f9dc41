"""Content-Security-Policy on every HTML page (parents' and staff), as an ASGI wrapper (api_transformer).

What Reflex 0.10 forces, and why the policy is not stricter (README, Security):
- its compiled pages carry inline <script> blocks (React Router's hydration context, the colour-mode
  and language scripts), different per page: 'unsafe-inline' in script-src;
- `rx.call_script` (and rx.download of uploads) run through JavaScript `eval` in the browser
  (.web/utils/state.js): 'unsafe-eval' in script-src;
- components set inline style attributes: 'unsafe-inline' in style-src.
Everything else is closed: no third-party origin at all, no plugins, no <base> change, forms and the
websocket only to this site, and no framing of staff pages.
"""

from __future__ import annotations

from zerosei_app.auth.http_headers import ASGIApp, Message, Scope, _is_staff


def policy(host: str, staff: bool) -> str:
    ws = f" ws://{host} wss://{host}" if host and all(c not in host for c in " ;,'\"") else ""
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            f"connect-src 'self'{ws}",
            # The service worker (assets/sw.js) and the web app manifest: our own origin only.
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors " + ("'none'" if staff else "'self'"),
        )
    )


def _header(headers, name: bytes) -> str:
    for k, v in headers:
        if k.lower() == name:
            return v.decode("latin-1")
    return ""


def content_security_policy(app: ASGIApp) -> ASGIApp:
    async def wrapped(scope: Scope, receive, send) -> None:
        if scope.get("type") != "http":
            await app(scope, receive, send)
            return
        host = _header(scope.get("headers", []), b"host")
        staff = _is_staff(scope.get("path", ""))

        async def send_with_policy(message: Message) -> None:
            if message.get("type") == "http.response.start":
                headers = list(message.get("headers", []))
                if _header(headers, b"content-type").startswith("text/html"):
                    headers = [(k, v) for k, v in headers if k.lower() != b"content-security-policy"]
                    headers.append((b"content-security-policy", policy(host, staff).encode("latin-1")))
                    message["headers"] = headers
            await send(message)

        await app(scope, receive, send_with_policy)

    return wrapped
