// Compiles every .sol file in this directory with solc-js (standard JSON) and writes, for each
// contract with bytecode, ../resources/contracts/<Name>.bin (hex creation code, no 0x) and
// <Name>.abi (JSON). Run: npm ci && npm run compile
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'resources', 'contracts');

const sources = Object.fromEntries(
  readdirSync(here)
    .filter((f) => f.endsWith('.sol'))
    .sort()
    .map((f) => [f, { content: readFileSync(join(here, f), 'utf8') }]),
);

const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    metadata: { bytecodeHash: 'none' },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
for (const e of output.errors ?? []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);

mkdirSync(out, { recursive: true });
for (const [file, contracts] of Object.entries(output.contracts)) {
  for (const [name, c] of Object.entries(contracts)) {
    const bin = c.evm.bytecode.object;
    if (!bin) continue; // interfaces
    writeFileSync(join(out, `${name}.bin`), bin + '\n');
    writeFileSync(join(out, `${name}.abi`), JSON.stringify(c.abi, null, 2) + '\n');
    console.log(`${file}: ${name} (${bin.length / 2} bytes)`);
  }
}
console.log(`solc ${solc.version()}`);
