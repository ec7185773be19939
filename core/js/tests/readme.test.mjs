// Runs every ```js example of core/js/README.md against the package, each in
// its own scope with `dx` (the package) and `assert` (node:assert/strict).
// The README's ```ts blocks are not run.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { dx, root } from "./common.mjs";

const readme = readFileSync(path.join(root, "core/js/README.md"), "utf8");
const blocks = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => ({
  code: m[1],
  line: readme.slice(0, m.index).split("\n").length,
}));
const heading = (line) =>
  readme
    .split("\n")
    .slice(0, line)
    .filter((l) => l.startsWith("#"))
    .at(-1)
    ?.replace(/^#+\s*/, "") ?? "README";

test("the README's examples use every function, class, method and property of the package", () => {
  const all = blocks.map((b) => b.code).join("\n");
  for (const name of Object.keys(dx)) {
    if (name === "FittedModel") continue; // made by Model.fit, never by name
    assert.ok(all.includes(`dx.${name}(`) || all.includes(`new dx.${name}(`), `no example of ${name}`);
  }
  for (const cls of [dx.Model, dx.FittedModel]) {
    for (const member of Object.getOwnPropertyNames(cls.prototype)) {
      if (["constructor", "free", "__destroy_into_raw"].includes(member)) continue;
      assert.ok(all.includes(`.${member}`), `no example of ${cls.name}.${member}`);
    }
  }
});

for (const { code, line } of blocks) {
  test(`README line ${line}: ${heading(line)}`, () => {
    new Function("dx", "assert", code)(dx, assert);
  });
}
