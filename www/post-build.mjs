// Trunk post_build hook: runs in the folder of Trunk.toml with TRUNK_STAGING_DIR set.
//
// 1. Content-Security-Policy: Trunk injects an inline module script that loads the wasm. Its
//    SHA-256 goes into script-src in place of __INLINE_SCRIPT_HASHES__, so no other inline
//    script can run.
// 2. Service worker: every staged file goes into the precache list, and the cache version is a
//    hash of the files' contents (Trunk's file names are hashed before wasm-opt runs, so names
//    alone do not change when only the optimisation does).
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}

const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");
const hashes = [];
for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash("sha256").update(match[1], "utf8").digest("base64")}'`);
}
if (!html.includes("__INLINE_SCRIPT_HASHES__")) {
  console.error("post-build: the CSP placeholder __INLINE_SCRIPT_HASHES__ is missing from index.html");
  process.exit(1);
}
html = html.replace("__INLINE_SCRIPT_HASHES__", hashes.join(" "));
writeFileSync(indexPath, html);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const files = walk(staging)
  .map((path) => relative(staging, path).split(sep).join("/"))
  .filter((name) => name !== "sw.js")
  .sort();
const version = createHash("sha256");
for (const name of files) {
  version.update(name);
  version.update(readFileSync(join(staging, name)));
}
const precache = ["./", ...files.map((name) => `./${name}`)];
const swPath = join(staging, "sw.js");
const sw = readFileSync(swPath, "utf8")
  .replace("__DXCAST_VERSION__", version.digest("hex").slice(0, 16))
  .replace("__DXCAST_PRECACHE__", JSON.stringify(precache));
writeFileSync(swPath, sw);
console.log(`post-build: ${hashes.length} inline script hash(es), ${precache.length} precached files`);
