// Runs a bench built for wasm32-wasip1 in Node's WASI, with the file system
// (for --save and --compare) and the arguments after the module's path:
//   node core/benches/wasi.mjs target/wasm32-wasip1/release/deps/lstsq-*.wasm [args]
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import { argv, env } from 'node:process';

const wasi = new WASI({ version: 'preview1', args: argv.slice(2), env, preopens: { '/': '/' } });
const module = await WebAssembly.compile(await readFile(argv[2]));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
wasi.start(instance);
