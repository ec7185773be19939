// Shared by the package's Node tests: the built package, the values the
// native core computed (target/js-pkg/expected.json, written by `cargo run
// -p dxcast-js --example expected`), and comparisons.
//
// DXCAST_JS_PKG (the package folder) and DXCAST_JS_EXPECTED (the JSON file)
// override the default paths under target/js-pkg/.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const pkgDir = path.resolve(process.env.DXCAST_JS_PKG ?? path.join(root, "target/js-pkg/node"));
const expectedPath = path.resolve(process.env.DXCAST_JS_EXPECTED ?? path.join(root, "target/js-pkg/expected.json"));
export const dx = createRequire(import.meta.url)(pkgDir);
export const expected = JSON.parse(readFileSync(expectedPath, "utf8"));

/** Relative tolerance: the package runs the core's code compiled to wasm32. */
const TOL = 1e-12;

/**
 * `actual` matches `expected` as the native core wrote it: numbers within
 * TOL, `null` (an unknown quantity) exactly as `null`. Only the keys of
 * `expected` are compared.
 */
export function assertClose(actual, expected, where = "") {
  if (expected === null) {
    assert.equal(actual, null, `${where}: expected null (unknown), got ${actual}`);
    return;
  }
  if (typeof expected === "number") {
    assert.equal(typeof actual, "number", `${where}: not a number: ${actual}`);
    assert.ok(Number.isFinite(actual), `${where}: not finite: ${actual}`);
    const diff = Math.abs(actual - expected);
    assert.ok(
      diff <= TOL * Math.max(Math.abs(expected), Math.abs(actual)) || diff === 0,
      `${where}: ${actual} vs native ${expected}`,
    );
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual) || ArrayBuffer.isView(actual), `${where}: not an array`);
    assert.equal(actual.length, expected.length, `${where}: length`);
    expected.forEach((e, i) => assertClose(actual[i], e, `${where}[${i}]`));
    return;
  }
  if (typeof expected === "object") {
    assert.ok(actual !== null && typeof actual === "object", `${where}: not an object: ${actual}`);
    for (const k of Object.keys(expected)) assertClose(actual[k], expected[k], `${where}.${k}`);
    return;
  }
  assert.equal(actual, expected, where);
}

/** An explanation of the package against the generator's {expression, result, unknown, terms[{code, value}]}. */
export function assertExplanation(actual, exp, where) {
  assert.equal(actual.expression, exp.expression, `${where}: expression`);
  assertClose(actual.result, exp.result, `${where}: result`);
  assert.equal(actual.unknown, exp.unknown, `${where}: unknown`);
  assert.equal(actual.terms.length, exp.terms.length, `${where}: terms`);
  exp.terms.forEach((t, i) => {
    assert.equal(actual.terms[i].code, t.code, `${where}: term ${i}`);
    assertClose(actual.terms[i].value, t.value, `${where}: term ${i} (${t.code})`);
    assert.equal(typeof actual.terms[i].notation, "string");
  });
}

/** Every number anywhere in `value` is finite (no NaN, no ±Infinity), and nothing is undefined. */
export function assertFiniteDeep(value, where = "result") {
  if (typeof value === "number") {
    assert.ok(Number.isFinite(value), `${where}: ${value}`);
  } else if (value === undefined) {
    assert.fail(`${where}: undefined`);
  } else if (ArrayBuffer.isView(value)) {
    value.forEach((v, i) => assert.ok(Number.isFinite(v), `${where}[${i}]: ${v}`));
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertFiniteDeep(v, `${where}[${i}]`));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) assertFiniteDeep(v, `${where}.${k}`);
  }
}
