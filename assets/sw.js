// ZeroSei's service worker: a path (and a centre's Carta page) a family has opened once opens
// again with no network. Written by hand, no library: it only needs two caching rules.
//
// - Pages worth keeping (/percorso?…, /carta/<slug>): network first, so a family always sees the
//   current path when there is a network; the saved copy when there is none (or the network
//   hangs for NETWORK_WAIT_MS). Their first answer carries the path as plain HTML (the static
//   copy, web/path_preview.py), which stays on screen when the websocket cannot connect.
// - The build's hashed files (/assets/…): cache first, they never change under the same name.
// - Other files of our own (styles.css, icons): network first, cache as fallback.
// - Never touched: staff pages, the API, the websocket (/_event), uploads, other sites, non-GET.
//   The browser fetches them as if there were no worker at all.
const VERSION = "v1";
const PAGES = "zs-pages-" + VERSION;
const FILES = "zs-files-" + VERSION;
const MAX_PAGES = 40; // the oldest saved pages go first
const MAX_FILES = 300;
const NETWORK_WAIT_MS = 4000; // a valley's "one bar" network: show the saved copy after this

const recent = new Map(); // page URL -> when this worker last saved it (skips a second fetch)

const NEVER = /^\/(staff|api|_event|_upload|_health|ping|sw\.js)(\/|$)/;

function keepable(url) {
  // A path link, or a centre's Carta page (not the directory, its map or the print edition).
  if (url.pathname === "/percorso" || url.pathname === "/percorso/") return true;
  const m = /^\/carta\/([^/]+)\/?$/.exec(url.pathname);
  return !!m && m[1] !== "stampa" && m[1] !== "mappa.svg";
}

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("zs-") && k !== PAGES && k !== FILES).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

async function trim(name, max) {
  const cache = await caches.open(name);
  const keys = await cache.keys(); // in insertion order
  await Promise.all(keys.slice(0, Math.max(0, keys.length - max)).map((k) => cache.delete(k)));
}

async function put(name, request, response, max) {
  if (!response || !response.ok || response.type !== "basic") return;
  if ((response.headers.get("Cache-Control") || "").includes("no-store")) return;
  const carte = name === PAGES && new URL(request.url).pathname.startsWith("/percorso") ? response.clone().text() : null;
  const cache = await caches.open(name);
  await cache.delete(request); // re-inserted last: trim() drops the least recently saved
  await cache.put(request, response);
  if (name === PAGES) recent.set(request.url, Date.now());
  await trim(name, max);
  if (carte) await keepCarte(await carte);
}

// A saved path also keeps the Carta pages of its centres: its static copy links each as /carta/<slug>.
async function keepCarte(html) {
  const hrefs = new Set();
  for (const m of html.matchAll(/href="(\/carta\/[a-z0-9-]+(?:\?lang=[a-z]{2})?)"/g)) hrefs.add(new URL(m[1], self.location.origin).href);
  await Promise.all(
    [...hrefs].slice(0, 10).map(async (href) => {
      if (Date.now() - (recent.get(href) || 0) < 60000) return;
      try {
        await put(PAGES, new Request(href), await fetch(href, { credentials: "same-origin" }), MAX_PAGES);
      } catch (e) {
        /* offline again: next time */
      }
    })
  );
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (r) => { clearTimeout(timer); resolve(r); },
      (e) => { clearTimeout(timer); reject(e); }
    );
  });
}

async function networkFirst(event, name, max, waitMs) {
  const request = event.request;
  const network = fetch(request).then((response) => {
    event.waitUntil(put(name, request, response.clone(), max));
    return response;
  });
  try {
    return await (waitMs ? withTimeout(network, waitMs) : network);
  } catch (error) {
    const saved = await caches.match(request, { cacheName: name, ignoreVary: true });
    if (saved) return request.mode === "navigate" ? marked(saved) : saved;
    return network; // nothing saved: wait for the network after all (or fail as the browser would)
  }
}

// A saved page served in place of the network's says so: its offline script (web/path_preview.py) then
// shows "salvato il …" even when the device reports itself online (a network too slow to answer in
// NETWORK_WAIT_MS, or a browser that does not update navigator.onLine).
async function marked(response) {
  const html = await response.text();
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(html.replace('<div id="zs-preview"', '<div data-saved-copy="" id="zs-preview"'), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

async function cacheFirst(event) {
  const saved = await caches.match(event.request, { cacheName: FILES });
  if (saved) return saved;
  const response = await fetch(event.request);
  event.waitUntil(put(FILES, event.request, response.clone(), MAX_FILES));
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || NEVER.test(url.pathname)) return;
  if (request.mode === "navigate") {
    if (keepable(url)) event.respondWith(networkFirst(event, PAGES, MAX_PAGES, NETWORK_WAIT_MS));
    return; // other pages: no copy is kept, the browser handles them
  }
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(event));
  } else if (request.destination === "style" || request.destination === "image" || request.destination === "manifest" || request.destination === "font") {
    event.respondWith(networkFirst(event, FILES, MAX_FILES, 0));
  }
});

// The page asks to keep itself (components/head.py): the first visit happened before this worker
// existed, so its HTML and the files it loaded were never seen here. Fetched again and saved.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "keep" || !Array.isArray(data.urls)) return;
  event.waitUntil(
    Promise.all(
      data.urls.slice(0, 200).map(async (href) => {
        let url;
        try { url = new URL(href, self.location.origin); } catch (e) { return; }
        if (url.origin !== self.location.origin || NEVER.test(url.pathname)) return;
        const page = keepable(url);
        const name = page ? PAGES : FILES;
        if (!page && !url.pathname.startsWith("/assets/") && !/\.(css|svg|png|woff2?)$/.test(url.pathname)) return;
        if (!page && (await caches.match(url.href, { cacheName: name }))) return;
        if (page && Date.now() - (recent.get(url.href) || 0) < 60000) return; // just saved by the fetch rule
        try {
          const response = await fetch(url.href, { credentials: "same-origin" });
          await put(name, new Request(url.href), response, page ? MAX_PAGES : MAX_FILES);
        } catch (e) {
          /* offline again: next visit */
        }
      })
    )
  );
});
