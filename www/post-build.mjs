// Trunk post_build hook: runs in the folder of Trunk.toml with TRUNK_STAGING_DIR set.
//
// 1. Content-Security-Policy: Trunk injects an inline module script that loads the wasm. Its
//    SHA-256 goes into script-src in place of __INLINE_SCRIPT_HASHES__, so no other inline
//    script can run.
// 2. The JS glue wasm-bindgen writes is minified (terser; Trunk minifies the page and the
//    stylesheet, not the glue), and its integrity hash in the page follows. So are the page's
//    two classic scripts, fatal.js and sw-register.js.
// 3. The module's parts: when the app's module was split (`cargo xtask build` runs
//    wasm-split-cli before wasm-bindgen, and the glue then imports `./__wasm_split.js`), each
//    part that pages load later is optimised (wasm-opt -Oz), named by a hash of its contents and
//    staged, and so is the script that loads them, pointed at the glue's hashed name (and with
//    each part's fetch marked handled, so that a failed one is the page's error alone).
// 4. Service worker: every staged file goes into the precache list, and the cache version is a
//    hash of the files' contents (Trunk's file names are hashed before wasm-opt runs, so names
//    alone do not change when only the optimisation does).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { minify } from "terser";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}

const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");

const release = process.env.TRUNK_PROFILE === "release";
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
// Trunk's hashed names for the JS glue wasm-bindgen writes (one per Rust asset).
const glues = readdirSync(staging).filter((n) => /^dxcast-web-[0-9a-f]+\.js$/.test(n));
for (const name of glues) {
  if (!release) break;
  const path = join(staging, name);
  const source = readFileSync(path);
  const { code } = await minify(source.toString("utf8"), { module: true, compress: true, mangle: true });
  if (!html.includes(sri(source))) {
    console.error(`post-build: no integrity hash of ${name} in index.html`);
    process.exit(1);
  }
  writeFileSync(path, code);
  html = html.replace(sri(source), sri(Buffer.from(code, "utf8")));
  console.log(`post-build: ${name} minified, ${source.length} to ${code.length} bytes`);
}
// The page's own classic scripts, minified too (their comments stay in www/).
for (const name of ["fatal.js", "sw-register.js"]) {
  if (!release) break;
  const path = join(staging, name);
  const source = readFileSync(path, "utf8");
  const { code } = await minify(source, { compress: true, mangle: true });
  writeFileSync(path, code);
  console.log(`post-build: ${name} minified, ${source.length} to ${code.length} bytes`);
}
const split = glues.filter((n) => readFileSync(join(staging, n), "utf8").includes("__wasm_split.js"));
if (split.length > 0) {
  const dir = process.env.DXCAST_SPLIT_DIR;
  if (!dir || split.length !== 1) {
    console.error("post-build: the glue loads a split module, but DXCAST_SPLIT_DIR is not set (build with `cargo xtask build`)");
    process.exit(1);
  }
  let loader = readFileSync(join(dir, "__wasm_split.js"), "utf8");
  const glue = './dxcast-web.js"';
  if (!loader.includes(glue)) {
    console.error(`post-build: ${dir}/__wasm_split.js does not import ${glue}`);
    process.exit(1);
  }
  loader = loader.replace(glue, `./${split[0]}"`);
  // The loader starts a part's fetch before the parts it depends on have arrived, and awaits it
  // after them: a fetch that fails meanwhile would be an unhandled rejection. Each is marked
  // handled here; the load still fails, and the page says so.
  const fetches = /const src = fetch\((new URL\("[^"]+", import\.meta\.url\))\);/g;
  if (!fetches.test(loader)) {
    console.error(`post-build: ${dir}/__wasm_split.js no longer fetches parts as \`const src = fetch(new URL(…))\``);
    process.exit(1);
  }
  loader = loader.replace(fetches, "const src = fetch($1); src.catch(() => {});");
  let parts = 0;
  let bytes = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".wasm") && n !== "dxcast-web.wasm")) {
    const quoted = `"./${name}"`;
    if (!loader.includes(quoted)) {
      console.error(`post-build: ${dir}/__wasm_split.js does not load ${name}`);
      process.exit(1);
    }
    const optimised = join(dir, `${name}.opt`);
    execFileSync("wasm-opt", ["-Oz", "--converge", join(dir, name), "-o", optimised]);
    const part = readFileSync(optimised);
    const hashed = `${name.slice(0, -".wasm".length)}-${createHash("sha256").update(part).digest("hex").slice(0, 16)}.wasm`;
    writeFileSync(join(staging, hashed), part);
    loader = loader.replace(quoted, `"./${hashed}"`);
    parts += 1;
    bytes += part.length;
  }
  const { code } = release ? await minify(loader, { module: true, compress: true, mangle: true }) : { code: loader };
  writeFileSync(join(staging, "__wasm_split.js"), code);
  console.log(`post-build: ${parts} parts of the split module staged (${bytes} bytes), and their loader`);
}

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
