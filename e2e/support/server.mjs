// A static file server for the built bundle, on 127.0.0.1 at an ephemeral port, that can mount
// dist/ at a sub-path (as a static host under /dateline/ would) and records every request.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

export const DIST = resolve(import.meta.dirname, "../../dist");

/**
 * Serves `root` under `mount` (e.g. "/" or "/dateline/"). Resolves to
 * `{ url, requests, close() }`, where `url` is the mounted page's address. With `isolated`, pages
 * are cross-origin isolated (COOP + COEP), which gives performance.now() 5 µs resolution.
 * `headers` are added to every response (e.g. a Content-Security-Policy). With `gzip`, responses are
 * gzip-compressed for a browser that accepts it, as a static host serves them.
 */
export async function serve({ root = DIST, mount = "/", isolated = false, headers = {}, gzip = false } = {}) {
  const isolation = isolated
    ? { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp", ...headers }
    : headers;
  const requests = [];
  const compressed = new Map();
  // Room for the huge query strings the garbage-URL test sends.
  const server = createServer({ maxHeaderSize: 1 << 20 }, async (req, res) => {
    requests.push(req.url);
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!path.startsWith(mount)) {
      res.writeHead(404).end("not under the mount point");
      return;
    }
    let file = normalize(join(root, path.slice(mount.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      let body = await readFile(file);
      const type = { "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
      // As static hosts serve text and wasm: compressed when the browser accepts it.
      const compress = gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
      if (compress) {
        body = compressed.get(file) ?? gzipSync(body);
        compressed.set(file, body);
      }
      res.writeHead(200, { ...type, ...(compress ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}), ...isolation });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${mount}`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** Runs `body` with a server mounting dist/ at `mount`, and closes the server afterwards. */
export async function withServer(mount, body, options = {}) {
  const server = await serve({ mount, ...options });
  try {
    await body(server);
  } finally {
    await server.close();
  }
}
