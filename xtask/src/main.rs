//! dxcast's tasks: `cargo xtask <command>`.
//!
//! - `setup`: install the pinned tools that are missing (idempotent; tools are
//!   cached in `$DXCAST_TOOLS`, by default `~/.cache/dxcast/tools`, outside the clone);
//! - `build`: a release build of the app into `dist/`, and the size of its
//!   first load against the limit of 250 kB gzipped (the test command fails
//!   above it);
//! - `size`: that report alone, for the built `dist/`, failing above the limit;
//! - `serve [--port N]`: set up, build, and serve the app on http://127.0.0.1:N/ (8080);
//! - `embed`: build the modules for other hosts: the C-ABI module
//!   (`target/wasm32-unknown-unknown/release/dxcast_ffi.wasm`, and optimised in
//!   `target/ffi/` beside its C header `dxcast.h`) and the JS/TS package (`target/js-pkg/node`, `target/js-pkg/web`);
//! - `layers`: check that the app's model crate depends on no front end and
//!   that no module of the app's crates imports another in a circle;
//! - `e2e [SPEC…]`: the end-to-end tests in Chromium against the app built in
//!   `dist/` (all, or the Playwright SPECs named);
//! - `fuzz [SECONDS]`: run every fuzz target in `fuzz/` for SECONDS (60);
//! - `test`: set up, then run every check and test, and print `N passed, N failed`;
//! - `bench [--instructions] [-- ARGS]`: the side-by-side benchmark (`bench/`)
//!   natively and compiled to wasm32-wasip1 in Node, and the wasm/native
//!   ratios; with `--instructions`, instruction counts under callgrind instead.

use std::collections::BTreeSet;
use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

mod layers;

/// Trunk: 0.22 needs a newer rustc than this toolchain's 1.95.
const TRUNK_VERSION: &str = "0.21.14";
/// cargo-fuzz, to run the fuzz targets in `fuzz/`.
const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// How long the test command runs each fuzz target, in seconds.
const FUZZ_SECONDS_IN_TESTS: u32 = 30;
/// wasm-tools, to inspect the imports and exports of the C-ABI module.
const WASM_TOOLS_VERSION: &str = "1.263.0";
/// wasm-split-cli, which splits the app's module where the app's `#[wasm_split]`
/// functions are (see [`split_bindgen`]). Its version is that of the
/// `wasm_split_helpers` runtime Leptos links into the app (Cargo.lock).
const WASM_SPLIT_VERSION: &str = "0.2.3";
const TARGETS: [&str; 2] = ["wasm32-unknown-unknown", "thumbv7em-none-eabihf"];
/// What the core may depend on (normal edges), without and with its features.
const CORE_DEPENDENCIES: [&str; 2] = ["heapless", "libm"];
const CORE_OPTIONAL_DEPENDENCIES: [&str; 2] = ["serde", "csv-core"];
/// The C-ABI module: a no_std cdylib built only for wasm32, so native
/// workspace commands exclude it.
const FFI: &str = "dxcast-ffi";
/// Its wasmtime host tests, which need it built first.
const FFI_HOST: &str = "dxcast-ffi-host";
/// The JS/TS package.
const JS: &str = "dxcast-js";
/// The side-by-side benchmarks: clippy checks them; they have no tests, and
/// their peer (augurs) is built only by `cargo xtask bench`.
const BENCH: &str = "dxcast-bench";

/// The native test step's command. The end-to-end step builds its two
/// examples with the same selection (`build` in place of `test`).
const NATIVE_TESTS: [&str; 8] = [
    "test",
    "--workspace",
    "--exclude",
    FFI,
    "--exclude",
    FFI_HOST,
    "--exclude",
    BENCH,
];
/// The flags of the JS package's build: WebAssembly SIMD, which every
/// browser since 2023 and Node since 16.4 run (the C-ABI module is built
/// without, for hosts that do not).
const SIMD_RUSTFLAGS: &str = "-C target-feature=+simd128";

/// `cargo` with the JS package's flags, in a target folder of its own (so
/// that neither build invalidates the other's).
fn cargo_simd(args: &[&str]) -> Command {
    // The folder goes right after the subcommand, before any `--` that
    // starts the arguments of the tool cargo runs.
    let (sub, rest) = args.split_first().unwrap_or((&"build", &[]));
    let mut c = cmd("cargo", &[sub]);
    c.env("RUSTFLAGS", SIMD_RUSTFLAGS)
        .arg("--target-dir")
        .arg(root().join("target/simd"))
        .args(rest);
    c
}

/// The wasm features wasm-opt may keep (what wasm-bindgen's output uses and
/// Node 20 and current browsers run).
const WASM_OPT_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup(Needs::All),
        Some("build") => setup(Needs::App)
            .and_then(|()| build_app())
            .and_then(|()| app_size_report(false)),
        Some("serve") => serve(&args[1..]),
        Some("embed") => setup(Needs::App).and_then(|()| {
            build_ffi()?;
            build_js()?;
            size_report()
        }),
        Some("size") => app_size_report(true),
        Some("layers") => check_layers(),
        Some("e2e") => setup(Needs::All).and_then(|()| end_to_end(&args[1..])),
        Some("test") => test(),
        Some("fuzz") => {
            let seconds = match args.get(1).map(|s| s.parse::<u32>()) {
                None => Ok(60),
                Some(Ok(s)) => Ok(s),
                Some(Err(_)) => Err(format!("fuzz: `{}` is not a number of seconds", args[1])),
            };
            seconds.and_then(|s| setup(Needs::All).and_then(|()| fuzz(s, Batch::Cores)))
        }
        Some("bench") => bench(&args[1..]),
        // Not for people: Trunk runs it, as `wasm-bindgen`, in `build_app`.
        Some("split-bindgen") => split_bindgen(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <setup | build | size | serve [--port N] | embed | layers | e2e [SPEC…] | fuzz [SECONDS] | test | bench>\n\n\
                 setup  install the pinned tools that are missing\n\
                 build  release build of the app into dist/\n\
                 serve  set up, build and serve the app on http://127.0.0.1:8080/\n\
                 size   the built app's first load, raw and gzipped (fails above 250 kB)\n\
                 embed  build the C-ABI module and the JS/TS package into target/\n\
                 layers check the app's crates: no front end under the model, no module cycle\n\
                 e2e [SPEC…]  the end-to-end tests (or those SPECs) against the app built in dist/\n\
                 fuzz [SECONDS]  run every fuzz target for SECONDS (60)\n\
                 test   set up, then run every check and test\n\
                 bench  the side-by-side benchmark, natively and in wasm32-wasip1\n\
                        ([--instructions] for callgrind counts; [-- ARGS] to the bench)"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

type Result<T = ()> = std::result::Result<T, String>;

/// The layers: the model crate depends on no front end, and no module of
/// the model or of the views imports another in a circle.
fn check_layers() -> Result {
    let mut problems = Vec::new();
    for src in ["app/src", "web/src"] {
        if let Err(e) = layers::check_no_cycles(&root().join(src)) {
            problems.push(e);
        }
    }
    if let Err(e) = layers::check_dependencies(&root(), "dxcast-app") {
        problems.push(e);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn tools_dir() -> PathBuf {
    if let Some(dir) = env::var_os("DXCAST_TOOLS") {
        return PathBuf::from(dir);
    }
    let home = env::var_os("HOME").unwrap_or_else(|| OsString::from("."));
    PathBuf::from(home).join(".cache/dxcast/tools")
}

/// `PATH` with the cached tools and the npm binaries first.
fn tool_path() -> OsString {
    let mut parts = vec![tools_dir().join("bin"), root().join("node_modules/.bin")];
    if let Some(path) = env::var_os("PATH") {
        parts.extend(env::split_paths(&path));
    }
    env::join_paths(parts).unwrap_or_default()
}

/// A command run from the repository root with the tools on `PATH`.
fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root()).env("PATH", tool_path());
    c
}

fn run(mut c: Command) -> Result {
    let shown = format!("{c:?}");
    let status = c
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed with {status}"))
    }
}

/// The trimmed standard output of a command, or `None` if it cannot run or fails.
fn output(mut c: Command) -> Option<String> {
    let out = c.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

#[derive(Clone, Copy, PartialEq)]
enum Needs {
    /// What building and serving the app needs.
    App,
    /// Everything, tests included.
    All,
}

fn setup(needs: Needs) -> Result {
    let started = Instant::now();
    ensure_targets()?;
    ensure_rust_src()?;
    ensure_cargo_tool("trunk", "trunk", TRUNK_VERSION, true)?;
    let wbg = wasm_bindgen_version()?;
    // wasm-bindgen-cli does not install with --locked (a locked dependency left the index).
    ensure_cargo_tool("wasm-bindgen-cli", "wasm-bindgen", &wbg, false)?;
    ensure_wasm_split()?;
    ensure_npm()?;
    if needs == Needs::All {
        ensure_cargo_tool("wasm-tools", "wasm-tools", WASM_TOOLS_VERSION, true)?;
        ensure_cargo_tool("cargo-fuzz", "cargo-fuzz", CARGO_FUZZ_VERSION, true)?;
        ensure_chromium()?;
    }
    println!("setup: ready in {:.0?}", started.elapsed());
    Ok(())
}

/// The standard library's source and the crates it depends on: the app's
/// release build compiles its own standard library (see [`build_app`]),
/// offline, so they must be in Cargo's cache first.
fn ensure_rust_src() -> Result {
    let sysroot = output(cmd("rustc", &["--print", "sysroot"])).unwrap_or_default();
    let library = Path::new(&sysroot).join("lib/rustlib/src/rust/library");
    if library.join("Cargo.lock").is_file() {
        println!("setup: rust-src present");
    } else {
        run(cmd("rustup", &["component", "add", "rust-src"]))?;
    }
    // The library's manifest uses unstable Cargo features; `--locked`
    // leaves the toolchain's lock file as shipped.
    let manifest = library.join("Cargo.toml");
    let mut fetch = cmd(
        "cargo",
        &["fetch", "--locked", "--quiet", "--manifest-path"],
    );
    fetch.arg(&manifest).env("RUSTC_BOOTSTRAP", "1");
    run(fetch)
}

fn ensure_targets() -> Result {
    let installed = output(cmd("rustup", &["target", "list", "--installed"])).unwrap_or_default();
    let missing: Vec<&str> = TARGETS
        .into_iter()
        .filter(|t| !installed.lines().any(|l| l.trim() == *t))
        .collect();
    if missing.is_empty() {
        println!("setup: rust targets {} present", TARGETS.join(", "));
        return Ok(());
    }
    let mut args = vec!["target", "add"];
    args.extend(&missing);
    run(cmd("rustup", &args))
}

/// Installs `krate` at `version` into the tools folder unless its binary
/// `bin` already reports that version.
fn ensure_cargo_tool(krate: &str, bin: &str, version: &str, locked: bool) -> Result {
    let path = tools_dir().join("bin").join(bin);
    let current = output(cmd(path.to_string_lossy().as_ref(), &["--version"]));
    if current
        .as_deref()
        .is_some_and(|v| v.split_whitespace().any(|w| w == version))
    {
        println!("setup: {bin} {version} present");
        return Ok(());
    }
    let minutes = match krate {
        "trunk" => "about 11 minutes",
        "wasm-tools" => "about 4 minutes",
        _ => "about 3 minutes",
    };
    println!("setup: installing {krate} {version} (first run only, {minutes} on 2 cores)");
    let root = tools_dir();
    let root = root.to_string_lossy();
    let mut args = vec![
        "install",
        krate,
        "--version",
        version,
        "--root",
        root.as_ref(),
    ];
    if locked {
        args.push("--locked");
    }
    run(cmd("cargo", &args))
}

/// wasm-split-cli, from the crate `wasm_split_cli_support` with its
/// `build-binary` feature. It has no `--version`: what cargo recorded when
/// it installed it says which version is there.
fn ensure_wasm_split() -> Result {
    let krate = "wasm_split_cli_support";
    let installed = fs::read_to_string(tools_dir().join(".crates.toml")).unwrap_or_default();
    let present = tools_dir().join("bin/wasm-split-cli").is_file()
        && installed.contains(&format!("\"{krate} {WASM_SPLIT_VERSION} "));
    if present {
        println!("setup: wasm-split-cli {WASM_SPLIT_VERSION} present");
        return Ok(());
    }
    println!("setup: installing {krate} {WASM_SPLIT_VERSION} (first run only, about a minute on 2 cores)");
    let root = tools_dir();
    let root = root.to_string_lossy();
    run(cmd(
        "cargo",
        &[
            "install",
            krate,
            "--version",
            WASM_SPLIT_VERSION,
            "--features",
            "build-binary",
            "--locked",
            "--root",
            root.as_ref(),
        ],
    ))
}

/// The `wasm-bindgen` version in Cargo.lock: wasm-bindgen-cli must match it exactly.
fn wasm_bindgen_version() -> Result<String> {
    let lock = fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(v.trim_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

/// `npm ci` from the committed lockfile, unless node_modules already matches it.
fn ensure_npm() -> Result {
    let lock = fs::read(root().join("package-lock.json"))
        .map_err(|e| format!("cannot read package-lock.json: {e}"))?;
    let stamp = root().join("node_modules/.dxcast-package-lock.json");
    if fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        println!("setup: npm packages present");
        return Ok(());
    }
    run(cmd("npm", &["ci", "--no-audit", "--no-fund"]))?;
    fs::write(&stamp, lock).map_err(|e| format!("cannot write {}: {e}", stamp.display()))
}

/// Debian's chromium and chromedriver, for the end-to-end tests.
fn ensure_chromium() -> Result {
    if let Some(v) = output(cmd("chromium", &["--version"])) {
        if output(cmd("chromedriver", &["--version"])).is_some() {
            println!("setup: {v} present");
            return Ok(());
        }
    }
    println!("setup: installing Debian's chromium and chromium-driver");
    let root_user = output(cmd("id", &["-u"])).as_deref() == Some("0");
    let apt = |args: &[&str]| {
        if root_user {
            cmd("apt-get", args)
        } else {
            let mut all = vec!["apt-get"];
            all.extend(args);
            cmd("sudo", &all)
        }
    };
    run(apt(&["update"]))?;
    let mut install = apt(&[
        "install",
        "-y",
        "--no-install-recommends",
        "chromium",
        "chromium-driver",
    ]);
    install.env("DEBIAN_FRONTEND", "noninteractive");
    run(install)
}

/// The app's release build, into `dist/`. Cargo builds it in
/// `target/app/`, its own folder, so that it can run while other cargo
/// commands hold `target/`'s lock (the test command starts it early).
///
/// The standard library is compiled with the app, for size: a panic stops
/// the app at once (`-C panic=immediate-abort`), with no message formatted
/// and no unwinding tables, and std's `optimize_for_size` picks its smaller
/// algorithms. That is about 34 kB less to download (gzipped, after
/// wasm-opt). Both are unstable options of the pinned toolchain, enabled for
/// this build alone (`RUSTC_BOOTSTRAP`); every other build and check uses the
/// standard library as shipped. `www/fatal.js` shows what stopped the app
/// (a panic is a trap, `WebAssembly.RuntimeError`, in the browser).
///
/// The module is split where the app's `#[wasm_split]` functions are (each page
/// but the dashboard): Trunk calls `wasm-bindgen`, and finds first on its
/// `PATH` a script that runs [`split_bindgen`] instead. The link keeps its
/// relocations (`--emit-relocs`), which the split needs. `www/post-build.mjs`
/// then optimises the parts, names them by their contents and stages them.
fn build_app() -> Result {
    // Trunk's own `cargo metadata` call is not offline: fetch first.
    run(cmd("cargo", &["fetch", "--locked"]))?;
    let target = root().join("target/app");
    let shim_dir = target.join("split-bin");
    fs::create_dir_all(&shim_dir)
        .map_err(|e| format!("cannot create {}: {e}", shim_dir.display()))?;
    let xtask = env::current_exe().map_err(|e| format!("cannot find the xtask binary: {e}"))?;
    let shim = shim_dir.join("wasm-bindgen");
    fs::write(
        &shim,
        format!(
            "#!/bin/sh\n# Written by `cargo xtask build`: wasm-bindgen after wasm-split-cli.\nexec '{}' split-bindgen \"$@\"\n",
            xtask.display()
        ),
    )
    .map_err(|e| format!("cannot write {}: {e}", shim.display()))?;
    make_executable(&shim)?;
    let mut path = vec![shim_dir];
    path.extend(env::split_paths(&tool_path()));
    let path = env::join_paths(path).map_err(|e| format!("cannot set PATH: {e}"))?;
    let mut c = cmd("trunk", &["build", "--release", "--offline"]);
    c.env("PATH", path)
        .env("CARGO_TARGET_DIR", &target)
        .env("DXCAST_SPLIT_DIR", split_dir(&target))
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
        // Added to `.cargo/config.toml`'s flags for wasm32 (arrays merge).
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "-Zunstable-options -Cpanic=immediate-abort -Clink-args=--emit-relocs",
        );
    run(c)
}

/// Where [`split_bindgen`] puts the parts of the app's module for
/// `www/post-build.mjs` (both read it from `DXCAST_SPLIT_DIR`): beside
/// Trunk's wasm-bindgen output.
fn split_dir(target: &Path) -> PathBuf {
    target.join("wasm-bindgen/release/split")
}

#[cfg(unix)]
fn make_executable(path: &Path) -> Result {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o755))
        .map_err(|e| format!("cannot make {} executable: {e}", path.display()))
}

#[cfg(not(unix))]
fn make_executable(_: &Path) -> Result {
    Ok(())
}

/// `wasm-bindgen`, as Trunk calls it for the app, with the module split
/// first: wasm-split-cli cuts the linked module into the main module and
/// one part per `#[wasm_split]` function (plus parts they share), and writes the
/// JS that loads a part when its function is first called. wasm-bindgen then
/// binds the main module, keeping the exports the parts link to
/// (`--keep-lld-exports`: the function table). Any other call (Trunk's
/// `--version`) goes to wasm-bindgen as it is.
fn split_bindgen(args: &[String]) -> Result {
    let real = tools_dir().join("bin/wasm-bindgen");
    let real = real.to_string_lossy();
    let input = args.iter().position(|a| a.ends_with(".wasm"));
    let out_name = args.iter().find_map(|a| a.strip_prefix("--out-name="));
    let (Some(input), Some(out_name)) = (input, out_name) else {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        return run(cmd(&real, &args));
    };
    // Where `build_app` told Trunk, and so this script and post-build.mjs, the parts go.
    let split = env::var_os("DXCAST_SPLIT_DIR")
        .map(PathBuf::from)
        .ok_or("split-bindgen: DXCAST_SPLIT_DIR is not set (it runs within `cargo xtask build`)")?;
    if split.exists() {
        fs::remove_dir_all(&split).map_err(|e| format!("cannot clear {}: {e}", split.display()))?;
    }
    let split_str = split.to_string_lossy();
    run(cmd(
        "wasm-split-cli",
        &[
            "--target",
            "web",
            "--out-name",
            out_name,
            &args[input],
            &split_str,
        ],
    ))?;
    let main = split.join(format!("{out_name}.wasm"));
    let main = main.to_string_lossy();
    let mut bindgen: Vec<&str> = args.iter().map(String::as_str).collect();
    bindgen[input] = &main;
    bindgen.push("--keep-lld-exports");
    run(cmd(&real, &bindgen))
}

/// The app's release build, started in its own process (`cargo xtask
/// build`) once the steps that keep both cores busy (the workspace's
/// clippy) are done. Much of it is single-threaded (link-time optimisation,
/// wasm-opt), as are the small steps that follow (the core's feature sets),
/// so the two share the cores; its own step waits for it and prints its
/// output.
struct AppBuild {
    child: std::cell::RefCell<Option<std::process::Child>>,
    log: PathBuf,
}

impl AppBuild {
    fn new() -> Self {
        Self {
            child: std::cell::RefCell::new(None),
            log: root().join("target/app-build.log"),
        }
    }

    fn start(&self) -> Result {
        let log = &self.log;
        let file =
            fs::File::create(log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
        let err = file
            .try_clone()
            .map_err(|e| format!("cannot open {} twice: {e}", log.display()))?;
        let exe = env::current_exe().map_err(|e| format!("cannot find xtask itself: {e}"))?;
        let child = Command::new(exe)
            .arg("build")
            .current_dir(root())
            .stdout(file)
            .stderr(err)
            .spawn()
            .map_err(|e| format!("could not start the app's build: {e}"))?;
        println!("started; its output goes to {}", log.display());
        *self.child.borrow_mut() = Some(child);
        Ok(())
    }

    /// Waits for the build, prints its output and says how it ended.
    fn finish(&self) -> Result {
        let child = self.child.borrow_mut().take();
        let status = match child {
            Some(mut c) => c
                .wait()
                .map_err(|e| format!("could not wait for the app's build: {e}"))?,
            None => return Err("the app's build did not start (see its step above)".into()),
        };
        let text = fs::read_to_string(&self.log).unwrap_or_default();
        print!("{text}");
        if status.success() {
            Ok(())
        } else {
            Err(format!(
                "the app's build failed with {status} (output above, and in {})",
                self.log.display()
            ))
        }
    }
}

impl Drop for AppBuild {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.borrow_mut().take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// What a first visit may download at most, in bytes of `gzip -9` (250 kB):
/// the size step of the test command fails above it. The help text and the
/// size step's title say this figure too.
const FIRST_LOAD_LIMIT: u64 = 250_000;

/// The files a first visit fetches: `index.html`, every local file it
/// names (stylesheet, JS glue, the wasm module its loader and preload name,
/// the icon and manifest, the service worker's registration script), the
/// scripts those import at once (the loader of the split module's parts),
/// and the service worker itself; in `dist/`, sorted. The parts of the
/// module that pages other than the dashboard load are not in it: a first
/// visit to `#/` fetches none.
fn first_load_files(dist: &Path) -> Result<Vec<String>> {
    let html = fs::read_to_string(dist.join("index.html")).map_err(|e| {
        format!(
            "cannot read {}/index.html (build the app first): {e}",
            dist.display()
        )
    })?;
    let mut files = BTreeSet::from(["index.html".to_string(), "sw.js".to_string()]);
    // Attributes quoted or not (a minified page leaves out the quotes), and
    // the module script's imports.
    for opener in ["href=", "src=", "from '", "module_or_path: '"] {
        for (at, _) in html.match_indices(opener) {
            let mut rest = &html[at + opener.len()..];
            let end = if opener.ends_with('\'') {
                rest.find('\'')
            } else if let Some(quoted) = rest.strip_prefix(['"', '\'']) {
                let close = rest.chars().next().unwrap_or('"');
                rest = quoted;
                rest.find(close)
            } else {
                rest.find(|c: char| c.is_whitespace() || c == '>')
            };
            let Some(end) = end else {
                continue;
            };
            let name = rest[..end].trim_start_matches("./");
            if !name.is_empty() && !name.contains(':') && dist.join(name).is_file() {
                files.insert(name.to_string());
            }
        }
    }
    // The scripts those modules import at once (the glue imports the loader
    // of the split module's parts; the parts themselves load later).
    let scripts: Vec<String> = files
        .iter()
        .filter(|f| f.ends_with(".js"))
        .cloned()
        .collect();
    for script in scripts {
        let Ok(text) = fs::read_to_string(dist.join(&script)) else {
            continue;
        };
        for (at, _) in text.match_indices("from") {
            let rest = text[at + "from".len()..].trim_start();
            let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                continue;
            };
            let rest = &rest[1..];
            if let Some(end) = rest.find(quote) {
                let name = rest[..end].trim_start_matches("./");
                if name.ends_with(".js") && dist.join(name).is_file() {
                    files.insert(name.to_string());
                }
            }
        }
    }
    Ok(files.into_iter().collect())
}

/// Prints each file of the app's first load, raw and `gzip -9`, and the
/// total against [`FIRST_LOAD_LIMIT`]; with `enforce`, fails if the total is
/// above it (otherwise says so). The other built files (precached by the service
/// worker after the first paint) are listed apart.
fn app_size_report(enforce: bool) -> Result {
    let dist = root().join("dist");
    let first = first_load_files(&dist)?;
    println!(
        "{:<44} {:>10} {:>10}",
        "first load (dist/)", "bytes", "gzip -9"
    );
    let (mut raw_total, mut gz_total) = (0, 0);
    for name in &first {
        let (raw, gz) = sizes(&dist.join(name))?;
        raw_total += raw;
        gz_total += gz;
        println!("{name:<44} {raw:>10} {gz:>10}");
    }
    println!("{:<44} {raw_total:>10} {gz_total:>10}", "total");
    let mut later = Vec::new();
    let mut stack = vec![dist.clone()];
    while let Some(dir) = stack.pop() {
        let entries =
            fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(&dist) {
                let name = rel.to_string_lossy().replace('\\', "/");
                if !first.contains(&name) {
                    later.push(name);
                }
            }
        }
    }
    later.sort();
    for name in &later {
        let (raw, gz) = sizes(&dist.join(name))?;
        println!(
            "{:<44} {raw:>10} {gz:>10}",
            format!("{name} (precached later)")
        );
    }
    let verdict = format!("first load: {gz_total} of {FIRST_LOAD_LIMIT} bytes gzipped");
    if gz_total > FIRST_LOAD_LIMIT {
        let over = format!("{verdict}: {} above the limit", gz_total - FIRST_LOAD_LIMIT);
        if enforce {
            return Err(over);
        }
        println!("{over}");
    } else {
        println!("{verdict}");
    }
    Ok(())
}

fn serve(args: &[String]) -> Result {
    let port = match args {
        [] => "8080".to_string(),
        [flag, port] if flag == "--port" => port.clone(),
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    setup(Needs::App)?;
    build_app()?;
    println!("dxcast: open http://127.0.0.1:{port}/ (Ctrl-C stops the server)");
    run(cmd("node", &["e2e/serve.mjs", "dist", &port]))
}

/// The core's features, read from core/Cargo.toml's `[features]` table.
fn core_features() -> Result<Vec<String>> {
    let manifest = fs::read_to_string(root().join("core/Cargo.toml"))
        .map_err(|e| format!("cannot read core/Cargo.toml: {e}"))?;
    let mut in_features = false;
    let mut features = Vec::new();
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_features = line == "[features]";
        } else if in_features {
            if let Some((name, _)) = line.split_once('=') {
                let name = name.trim();
                if !name.is_empty() && !name.starts_with('#') && name != "default" {
                    features.push(name.to_string());
                }
            }
        }
    }
    Ok(features)
}

/// Every combination of the core's features: "", "serde", "csv", "serde,csv", …
fn feature_sets() -> Result<Vec<String>> {
    let features = core_features()?;
    let mut sets = Vec::new();
    for mask in 0..(1u32 << features.len()) {
        let set: Vec<&str> = features
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, f)| f.as_str())
            .collect();
        sets.push(set.join(","));
    }
    Ok(sets)
}

/// Checks that the core's normal dependencies are only the allowed ones.
fn check_core_dependencies(features: &str) -> Result {
    let mut c = cmd(
        "cargo",
        &[
            "tree",
            "-e",
            "normal",
            "-p",
            "dxcast-core",
            "--depth",
            "1",
            "--prefix",
            "none",
        ],
    );
    if !features.is_empty() {
        c.args(["--features", features]);
    }
    let tree = output(c).ok_or("cargo tree failed")?;
    let names: BTreeSet<&str> = tree
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let allowed: BTreeSet<&str> = CORE_DEPENDENCIES
        .into_iter()
        .chain(CORE_OPTIONAL_DEPENDENCIES)
        .collect();
    let base: BTreeSet<&str> = CORE_DEPENDENCIES.into_iter().collect();
    if !names.is_superset(&base) || !names.is_subset(&allowed) {
        return Err(format!(
            "the core (features: [{features}]) depends on {names:?}; allowed: {allowed:?}"
        ));
    }
    if features.is_empty() && names != base {
        return Err(format!(
            "the core without features depends on {names:?}, not only {base:?}"
        ));
    }
    println!("dxcast-core [{features}] depends on {names:?}");
    Ok(())
}

/// The release C-ABI module as cargo writes it.
fn ffi_wasm() -> PathBuf {
    root().join("target/wasm32-unknown-unknown/release/dxcast_ffi.wasm")
}

/// The JS/TS package's folder for `target` (`node` or `web`).
fn js_pkg(target: &str) -> PathBuf {
    root().join("target/js-pkg").join(target)
}

fn build_ffi() -> Result {
    run(cmd(
        "cargo",
        &[
            "build",
            "-p",
            FFI,
            "--target",
            "wasm32-unknown-unknown",
            "--release",
        ],
    ))?;
    // The optimised module, for the size report and for hosts that want it.
    let out = root().join("target/ffi");
    fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let opt = out.join("dxcast_ffi.wasm");
    let mut c = cmd("wasm-opt", &["-Oz"]);
    c.args(WASM_OPT_FEATURES)
        .arg(ffi_wasm())
        .arg("-o")
        .arg(&opt);
    run(c)?;
    // The C header, beside the module it declares.
    let header = out.join("dxcast.h");
    fs::copy(root().join("core/ffi/dxcast.h"), &header)
        .map_err(|e| format!("cannot write {}: {e}", header.display()))?;
    check_no_imports(&opt)
}

/// `cargo build` of the JS package, then wasm-bindgen for Node and the web,
/// wasm-opt, and a package.json in each folder.
fn build_js() -> Result {
    run(cargo_simd(&[
        "build",
        "-p",
        JS,
        "--target",
        "wasm32-unknown-unknown",
        "--release",
    ]))?;
    let wasm = root().join("target/simd/wasm32-unknown-unknown/release/dxcast_js.wasm");
    for (target, kind) in [("node", "commonjs"), ("web", "module")] {
        let dir = js_pkg(target);
        let _ = fs::remove_dir_all(&dir);
        let bindgen_target = if target == "node" { "nodejs" } else { "web" };
        let mut c = cmd("wasm-bindgen", &["--target", bindgen_target, "--out-dir"]);
        c.arg(&dir).arg(&wasm);
        run(c)?;
        let bg = dir.join("dxcast_js_bg.wasm");
        let mut c = cmd("wasm-opt", &["-Oz", "--enable-simd"]);
        c.args(WASM_OPT_FEATURES).arg(&bg).arg("-o").arg(&bg);
        run(c)?;
        let manifest = format!(
            "{{\n  \"name\": \"dxcast\",\n  \"version\": \"{}\",\n  \"type\": \"{kind}\",\n  \
             \"main\": \"dxcast_js.js\",\n  \"types\": \"dxcast_js.d.ts\",\n  \"license\": \"MIT OR Apache-2.0\"\n}}\n",
            env!("CARGO_PKG_VERSION")
        );
        let path = dir.join("package.json");
        fs::write(&path, manifest).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// Reads an unsigned LEB128 number at `*at`.
fn leb128(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// The number of imports of a wasm module (0 when it has no import section).
fn import_count(bytes: &[u8]) -> std::result::Result<u64, String> {
    if bytes.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        return Err("not a wasm module (version 1)".into());
    }
    let mut at = 8;
    while at < bytes.len() {
        let id = bytes[at];
        at += 1;
        let size = leb128(bytes, &mut at).ok_or("truncated section")? as usize;
        if id == 2 {
            let mut inner = at;
            return leb128(bytes, &mut inner).ok_or_else(|| "truncated import section".into());
        }
        at += size;
    }
    Ok(0)
}

/// Fails unless the module imports nothing; it must not contain float
/// formatting either (the C ABI formats no numbers).
fn check_no_imports(path: &Path) -> Result {
    let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let n = import_count(&bytes)?;
    if n != 0 {
        let listing = output(cmd("wasm-tools", &["print", &path.to_string_lossy()]))
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains("(import"))
            .collect::<Vec<_>>()
            .join("\n");
        return Err(format!("{} imports {n} items:\n{listing}", path.display()));
    }
    println!("{}: no imports", path.display());
    Ok(())
}

/// The C-ABI module's imports, exports and what remains of panics.
/// Builds the C-ABI module once more with `--cfg dxcast_prove_no_panic`, whose
/// panic handler calls a function no host defines: a panic path left after
/// optimisation anywhere in the core or the shim becomes an import, and the
/// module must have none. A separate target folder keeps the normal build's
/// cache intact.
fn prove_no_panic() -> Result {
    let dir = root().join("target/prove-no-panic");
    let mut c = cmd(
        "cargo",
        &[
            "build",
            "-p",
            FFI,
            "--target",
            "wasm32-unknown-unknown",
            "--release",
        ],
    );
    c.env("RUSTFLAGS", "--cfg dxcast_prove_no_panic")
        .env("CARGO_TARGET_DIR", &dir);
    run(c)?;
    let wasm = dir.join("wasm32-unknown-unknown/release/dxcast_ffi.wasm");
    check_no_imports(&wasm)?;
    println!("no panic path is reachable from any export of the C-ABI module");
    Ok(())
}

fn inspect_ffi() -> Result {
    let wasm = ffi_wasm();
    check_no_imports(&wasm)?;
    let text = output(cmd("wasm-tools", &["print", &wasm.to_string_lossy()]))
        .ok_or("wasm-tools print failed")?;
    let exports = text
        .lines()
        .filter(|l| l.trim_start().starts_with("(export \"dxcast_"))
        .count();
    if text.contains("flt2dec") || text.contains("float_to_decimal") {
        return Err("the C-ABI module contains float formatting".into());
    }
    // Hosts without SIMD (wasm3, WAMR) must be able to run it.
    if let Some(l) = text
        .lines()
        .find(|l| l.contains("v128") || l.contains("f64x2"))
    {
        return Err(format!(
            "the C-ABI module uses SIMD, which not every host runs: {}",
            l.trim()
        ));
    }
    let unreachable = text.lines().filter(|l| l.trim() == "unreachable").count();
    println!(
        "{exports} dxcast_* functions exported; {unreachable} `unreachable` instructions \
         (after calls that never return; the proof step shows no panic path is among them)"
    );
    Ok(())
}

/// Raw and gzip sizes of a file, in bytes.
fn sizes(path: &Path) -> std::result::Result<(u64, u64), String> {
    let raw = fs::metadata(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?
        .len();
    let gz = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    if !gz.status.success() {
        return Err(format!("gzip {} failed", path.display()));
    }
    Ok((raw, gz.stdout.len() as u64))
}

/// Prints both modules' sizes, raw and gzipped.
fn size_report() -> Result {
    let rows = [
        ("C-ABI module, cargo release", ffi_wasm()),
        (
            "C-ABI module, wasm-opt -Oz",
            root().join("target/ffi/dxcast_ffi.wasm"),
        ),
        (
            "JS package wasm, wasm-opt -Oz",
            js_pkg("web").join("dxcast_js_bg.wasm"),
        ),
        ("JS package glue, web", js_pkg("web").join("dxcast_js.js")),
        ("JS package glue, Node", js_pkg("node").join("dxcast_js.js")),
        ("JS package types", js_pkg("web").join("dxcast_js.d.ts")),
    ];
    println!("{:<32} {:>10} {:>10}", "module", "bytes", "gzip -9");
    for (name, path) in rows {
        let (raw, gz) = sizes(&path)?;
        println!("{name:<32} {raw:>10} {gz:>10}");
    }
    Ok(())
}

/// The steps for the modules other hosts embed.
fn embed_steps(steps: &mut Vec<Step>) {
    steps.push(cargo_step(
        "clippy: C-ABI module for wasm32",
        &[
            "clippy",
            "-p",
            FFI,
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ],
    ));
    steps.push(step(
        "build: C-ABI module, release, wasm32, and wasm-opt",
        build_ffi,
    ));
    steps.push(step(
        "imports: C-ABI module has none, and no SIMD",
        inspect_ffi,
    ));
    steps.push(step(
        "proof: no panic path survives in the C-ABI module",
        prove_no_panic,
    ));
    steps.push(step("tests: C ABI from a wasmtime host (Rust)", || {
        let mut c = cmd("cargo", &["test", "-p", FFI_HOST]);
        c.env("DXCAST_FFI_WASM", ffi_wasm());
        run(c)
    }));
    steps.push(step(
        "clippy: JS package and the core for wasm32 with SIMD",
        || {
            run(cargo_simd(&[
                "clippy",
                "-p",
                JS,
                "-p",
                "dxcast-core",
                "--target",
                "wasm32-unknown-unknown",
                "--",
                "-D",
                "warnings",
            ]))
        },
    ));
    steps.push(step(
        "build: JS package, wasm-bindgen (Node, web), wasm-opt",
        build_js,
    ));
    steps.push(step("tests: JS package in Node (node --test)", || {
        let expected = root().join("target/js-pkg/expected.json");
        let mut c = Command::new(workspace_example(JS, "expected")?);
        c.current_dir(root()).arg(&expected);
        run(c)?;
        let mut c = cmd("node", &["--test", "core/js/tests/"]);
        c.env("DXCAST_JS_PKG", js_pkg("node"))
            .env("DXCAST_JS_EXPECTED", &expected);
        run(c)
    }));
    steps.push(step("size: C-ABI module and JS package", size_report));
}

/// The fuzz targets, as `fuzz/Cargo.toml` lists them.
fn fuzz_targets() -> Result<Vec<String>> {
    let manifest = fs::read_to_string(root().join("fuzz/Cargo.toml"))
        .map_err(|e| format!("cannot read fuzz/Cargo.toml: {e}"))?;
    let mut targets = Vec::new();
    let mut in_bin = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_bin = line == "[[bin]]";
        } else if let Some(name) = line.strip_prefix("name = ").filter(|_| in_bin) {
            targets.push(name.trim_matches('"').to_string());
        }
    }
    Ok(targets)
}

/// A command run in `fuzz/`, where cargo-fuzz needs the nightly-only flags
/// that `RUSTC_BOOTSTRAP` allows on this stable toolchain.
fn fuzz_cmd(args: &[&str]) -> Command {
    let mut c = cmd("cargo", args);
    c.current_dir(root().join("fuzz"))
        .env("RUSTC_BOOTSTRAP", "1");
    c
}

/// How many fuzz targets run at once.
#[derive(Clone, Copy)]
enum Batch {
    /// As many as there are cores: `cargo xtask fuzz`, for the most
    /// executions.
    Cores,
    /// Every target: the test command's short runs, each its full time in
    /// the least time.
    All,
}

/// Runs every fuzz target for `seconds`, without sanitizers (`-s none`),
/// from its committed seeds, several at once as `batch` says (each still
/// runs its `seconds`); a crash fails with the input kept under
/// `fuzz/artifacts/`.
fn fuzz(seconds: u32, batch: Batch) -> Result {
    run(fuzz_cmd(&["fuzz", "build", "-s", "none"]))?;
    let limit = format!("-max_total_time={seconds}");
    let targets = fuzz_targets()?;
    let at_once = match batch {
        Batch::Cores => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Batch::All => targets.len().max(1),
    };
    let mut failed = Vec::new();
    for batch in targets.chunks(at_once) {
        let mut running = Vec::new();
        for target in batch {
            println!("fuzz: {target} for {seconds} s");
            let mut c = fuzz_cmd(&["fuzz", "run", "-s", "none", target, "--", &limit]);
            let child = c
                .spawn()
                .map_err(|e| format!("could not start cargo fuzz run {target}: {e}"))?;
            running.push((target, child));
        }
        for (target, mut child) in running {
            let ok = child.wait().is_ok_and(|s| s.success());
            if !ok {
                failed.push(target.clone());
            }
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "fuzz: {} failed (inputs under fuzz/artifacts/)",
            failed.join(", ")
        ))
    }
}

/// Writes the numbers the end-to-end tests expect, computed by the model
/// crate natively (`app/examples/e2e_expected.rs`), to
/// `target/e2e/expected.json`, and returns the path.
fn e2e_expected() -> Result<PathBuf> {
    e2e_json("dxcast-app", "e2e_expected", "expected.json")
}

/// Writes the interface's words in both languages
/// (`web/examples/e2e_catalogue.rs`) to `target/e2e/catalogue.json`, and
/// returns the path.
fn e2e_catalogue() -> Result<PathBuf> {
    e2e_json("dxcast-web", "e2e_catalogue", "catalogue.json")
}

/// Runs `package`'s `example` natively and writes what it prints to
/// `target/e2e/<file>`; returns the path.
fn e2e_json(package: &str, example: &str, file: &str) -> Result<PathBuf> {
    let exe = workspace_example(package, example)?;
    let mut c = Command::new(&exe);
    c.current_dir(root());
    let shown = exe.display();
    let out = c
        .output()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{shown} failed with {}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let dir = root().join("target/e2e");
    let path = dir.join(file);
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    fs::write(&path, &out.stdout).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// Builds `package`'s `example` natively and returns its executable.
///
/// The example is built with the native test step's package selection
/// (`NATIVE_TESTS`), so its features are the workspace's and the build is
/// the one the tests already made. `cargo run -p <package>` would resolve
/// features for that package alone and rebuild the core and what depends
/// on it.
fn workspace_example(package: &str, example: &str) -> Result<PathBuf> {
    let mut c = cmd("cargo", &["build"]);
    c.args(&NATIVE_TESTS[1..]).args([
        "--example",
        example,
        "--message-format=json-render-diagnostics",
    ]);
    let shown = format!("{c:?}");
    let out = c
        .output()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{shown} failed with {}", out.status));
    }
    example_executable(&String::from_utf8_lossy(&out.stdout), package, example)
        .map(PathBuf::from)
        .ok_or_else(|| format!("{shown} named no executable for {package}'s example {example}"))
}

/// The path of `package`'s `example` in cargo's JSON messages: the
/// `compiler-artifact` line whose package id and target name match.
fn example_executable(messages: &str, package: &str, example: &str) -> Option<String> {
    let target = format!("\"name\":\"{example}\"");
    let key = "\"executable\":\"";
    messages
        .lines()
        .filter(|l| l.contains("\"reason\":\"compiler-artifact\""))
        .filter(|l| l.contains(&target) && l.contains(&format!("#{package}@")))
        .find_map(|l| {
            let start = l.find(key)? + key.len();
            let len = l[start..].find('"')?;
            Some(l[start..start + len].to_string())
        })
}

/// The end-to-end tests against the built app in `dist/`; `specs` (file
/// names or `file:line`) narrows them, as for `playwright test`.
fn end_to_end(specs: &[String]) -> Result {
    // The tests compare the app with the model crate's own numbers
    // (e2e/expected.mjs) and its words with the catalogue
    // (e2e/catalogue.mjs): write them first.
    let expected = e2e_expected()?;
    let catalogue = e2e_catalogue()?;
    let mut c = cmd("playwright", &["test"]);
    c.args(specs);
    c.env("DXCAST_E2E_EXPECTED", expected);
    c.env("DXCAST_E2E_CATALOGUE", catalogue);
    run(c)
}

struct Step {
    name: String,
    run: Box<dyn Fn() -> Result>,
}

fn step(name: impl Into<String>, run: impl Fn() -> Result + 'static) -> Step {
    Step {
        name: name.into(),
        run: Box::new(run),
    }
}

fn cargo_step(name: impl Into<String>, args: &'static [&'static str]) -> Step {
    step(name, move || run(cmd("cargo", args)))
}

/// `cargo <args…> [--features F] [-- -D warnings]` for the core.
fn core_step(name: String, args: Vec<&'static str>, features: String, deny: bool) -> Step {
    step(name, move || {
        let mut c = cmd("cargo", &args);
        if !features.is_empty() {
            c.args(["--features", &features]);
        }
        if deny {
            c.args(["--", "-D", "warnings"]);
        }
        run(c)
    })
}

fn test() -> Result {
    let started = Instant::now();
    setup(Needs::All)?;
    let app = std::rc::Rc::new(AppBuild::new());
    let mut steps = vec![
        cargo_step("rustfmt", &["fmt", "--all", "--check"]),
        cargo_step(
            "clippy: workspace, native, all targets",
            &[
                "clippy",
                "--workspace",
                "--exclude",
                FFI,
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ),
        cargo_step(
            "clippy: app for wasm32",
            &[
                "clippy",
                "-p",
                "dxcast-web",
                "--target",
                "wasm32-unknown-unknown",
                "--",
                "-D",
                "warnings",
            ],
        ),
    ];
    let starter = std::rc::Rc::clone(&app);
    steps.push(step(
        "start: the app's release build, in the background",
        move || starter.start(),
    ));
    let sets = feature_sets()?;
    let all = sets.last().cloned().unwrap_or_default();
    for features in &sets {
        let label = if features.is_empty() {
            "no features"
        } else {
            features
        };
        steps.push(core_step(
            format!("clippy: core [{label}], native, all targets"),
            vec!["clippy", "-p", "dxcast-core", "--all-targets"],
            features.clone(),
            true,
        ));
        for target in TARGETS {
            steps.push(core_step(
                format!("clippy: core [{label}] for {target}"),
                vec!["clippy", "-p", "dxcast-core", "--target", target],
                features.clone(),
                true,
            ));
            // Code generation for the target, with none and with all
            // features (features only add code; clippy checks each set).
            if features.is_empty() || *features == all {
                steps.push(core_step(
                    format!("build: core [{label}] for {target}"),
                    vec!["build", "-p", "dxcast-core", "--target", target],
                    features.clone(),
                    false,
                ));
            }
        }
        let f = features.clone();
        steps.push(step(format!("dependencies: core [{label}]"), move || {
            check_core_dependencies(&f)
        }));
    }
    steps.push(step(
        "layers: no front end under the model crate, no module cycle",
        check_layers,
    ));
    steps.push(cargo_step("tests: workspace, native", &NATIVE_TESTS));
    // The native step above tests the core with all its features (the JS
    // package's tests enable both), doc tests included, and every other
    // member needs at least one: the other non-empty sets are tested here,
    // the unit and integration tests.
    for features in sets.iter().filter(|f| !f.is_empty() && **f != all) {
        steps.push(core_step(
            format!("tests: core [{features}], native (doc tests: above)"),
            vec!["test", "-p", "dxcast-core", "--lib", "--tests"],
            features.clone(),
            false,
        ));
    }
    steps.push(step(
        "tests: core, compiled to wasm32 with SIMD, in Node",
        || {
            let mut c = cargo_simd(&[
                "test",
                "-p",
                "dxcast-core",
                "--all-features",
                "--target",
                "wasm32-unknown-unknown",
            ]);
            c.env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            );
            run(c)
        },
    ));
    embed_steps(&mut steps);
    steps.push(step("rustfmt: fuzz targets", || {
        run(fuzz_cmd(&["fmt", "--check"]))
    }));
    steps.push(step("clippy: fuzz targets", || {
        run(fuzz_cmd(&[
            "clippy",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    }));
    steps.push(step(
        format!("fuzz: every target for {FUZZ_SECONDS_IN_TESTS} s"),
        || fuzz(FUZZ_SECONDS_IN_TESTS, Batch::All),
    ));
    steps.push(step(
        "build: app, release, Trunk (started above)",
        move || app.finish(),
    ));
    steps.push(step(
        "size: the app's first load (at most 250 kB gzipped)",
        || app_size_report(true),
    ));
    steps.push(step("tests: end to end, Playwright in Chromium", || {
        end_to_end(&[])
    }));

    let mut results = Vec::new();
    for s in &steps {
        println!("\n=== {}", s.name);
        let t = Instant::now();
        let outcome = (s.run)();
        if let Err(e) = &outcome {
            eprintln!("FAILED: {e}");
        }
        results.push((s.name.as_str(), outcome.is_ok(), t.elapsed()));
    }
    println!("\n=== summary");
    for (name, ok, took) in &results {
        println!("{} {name} ({took:.1?})", if *ok { "pass" } else { "FAIL" });
    }
    let failed = results.iter().filter(|(_, ok, _)| !ok).count();
    let passed = results.len() - failed;
    println!("total time {:.0?}", started.elapsed());
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} step(s) failed"))
    }
}

/// The side-by-side benchmark's target for the wasm run.
const WASI: &str = "wasm32-wasip1";

/// The path of the side-by-side bench's executable, built for `target`
/// (native when `None`), from cargo's JSON messages.
fn bench_executable(target: Option<&str>) -> Result<PathBuf> {
    let mut args = vec![
        "bench",
        "-p",
        BENCH,
        "--bench",
        "side_by_side",
        "--no-run",
        "--message-format=json",
    ];
    if let Some(t) = target {
        args.extend(["--target", t]);
    }
    let out = output(cmd("cargo", &args)).ok_or("building the benchmark failed")?;
    out.lines()
        .filter(|l| l.contains("\"side_by_side\""))
        .find_map(|l| {
            let at = l.find("\"executable\":\"")? + "\"executable\":\"".len();
            let end = l[at..].find('"')?;
            Some(PathBuf::from(&l[at..at + end]))
        })
        .ok_or_else(|| "no executable in cargo's messages".to_string())
}

/// Runs `c`, prints its standard output as it is, and returns it.
fn run_and_show(mut c: Command) -> Result<String> {
    let shown = format!("{c:?}");
    let out = c
        .output()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    print!("{text}");
    if out.status.success() {
        Ok(text)
    } else {
        Err(format!(
            "{shown} failed with {}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// `RESULT name contender=seconds …` lines: (workload, contender, seconds).
fn results(text: &str) -> Vec<(String, String, f64)> {
    text.lines()
        .filter_map(|l| l.strip_prefix("RESULT "))
        .flat_map(|l| {
            let mut words = l.split_whitespace();
            let name = words.next().unwrap_or("").to_string();
            words
                .filter_map(|w| {
                    let (k, v) = w.split_once('=')?;
                    Some((name.clone(), k.to_string(), v.parse().ok()?))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The fastest time of each (workload, contender) over several runs.
fn fastest(runs: &[Vec<(String, String, f64)>]) -> Vec<(String, String, f64)> {
    let mut out: Vec<(String, String, f64)> = Vec::new();
    for (name, who, t) in runs.iter().flatten() {
        match out.iter_mut().find(|(n, w, _)| n == name && w == who) {
            Some(slot) => slot.2 = slot.2.min(*t),
            None => out.push((name.clone(), who.clone(), *t)),
        }
    }
    out
}

/// `cargo xtask bench`: natively (the full table, with SSEs), then each
/// workload natively and in wasm32-wasip1 under Node in turn, five times
/// (`--repeat N` to change), and the fastest time of each workload and
/// contender on each, with the wasm/native ratios; or, with
/// `--instructions`, instructions per call under callgrind.
fn bench(args: &[String]) -> Result {
    let instructions = args.iter().any(|a| a == "--instructions");
    let repeat: usize = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let rest: Vec<&str> = args
        .iter()
        .skip_while(|a| *a != "--")
        .skip(1)
        .map(String::as_str)
        .collect();
    if instructions {
        return bench_instructions();
    }
    let installed = output(cmd("rustup", &["target", "list", "--installed"])).unwrap_or_default();
    if !installed.lines().any(|l| l.trim() == WASI) {
        run(cmd("rustup", &["target", "add", WASI]))?;
    }
    let native_exe = bench_executable(None)?;
    let wasm_exe = bench_executable(Some(WASI))?;
    let node = output(cmd("node", &["--version"])).unwrap_or_default();
    println!("=== native, every workload");
    let c = cmd(native_exe.to_string_lossy().as_ref(), &rest);
    let mut native = vec![results(&run_and_show(c)?)];
    let mut wasm = Vec::new();
    // Then each workload natively and in wasm in turn, so that both meet the
    // same load on a shared machine.
    println!("\n=== each workload natively and in {WASI} (Node {node}) in turn, {repeat} times");
    for workload in ["damped_holt", "holt", "choice", "lstsq"] {
        for _ in 0..repeat.max(1) {
            let mut c = cmd(native_exe.to_string_lossy().as_ref(), &rest);
            c.args(["--only", workload]);
            let out = output(c).ok_or("the native benchmark failed")?;
            native.push(results(&out));
            let mut c = cmd("node", &["--no-warnings", "core/benches/wasi.mjs"]);
            c.arg(&wasm_exe).args(&rest).args(["--only", workload]);
            let out = output(c).ok_or("the wasm benchmark failed")?;
            wasm.push(results(&out));
        }
    }
    let (native, wasm) = (fastest(&native), fastest(&wasm));
    println!("\n=== fastest of {repeat} runs, time per call; ratios to augurs' (or the bare pass's) and wasm32 to native");
    println!(
        "{:<12} {:<10} {:>11} {:>8} {:>11} {:>8} {:>12}",
        "workload", "contender", "native", "ratio", "wasm32", "ratio", "wasm/native"
    );
    for (name, who, t) in &native {
        let base = |set: &[(String, String, f64)]| {
            set.iter()
                .find(|(n, c, _)| n == name && (c == "augurs" || c == "bare"))
                .map(|x| x.2)
        };
        let w = wasm
            .iter()
            .find(|(n, c, _)| n == name && c == who)
            .map(|x| x.2);
        let ratio = |t: Option<f64>, b: Option<f64>| match (t, b) {
            (Some(t), Some(b)) => format!("{:.3}", t / b),
            _ => "-".into(),
        };
        println!(
            "{name:<12} {who:<10} {:>9.1}µs {:>8} {:>9.1}µs {:>8} {:>12}",
            t * 1e6,
            ratio(Some(*t), base(&native)),
            w.unwrap_or(f64::NAN) * 1e6,
            ratio(w, base(&wasm)),
            ratio(w, Some(*t))
        );
    }
    Ok(())
}

/// Instructions per call of each side of the AirPassengers workloads, from
/// callgrind runs of N and 2N calls (their difference cancels start-up).
fn bench_instructions() -> Result {
    let exe = bench_executable(None)?;
    let count = |workload: &str, side: &str, calls: u32| -> Result<u64> {
        let out = Command::new("valgrind")
            .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
            .arg(&exe)
            .args([
                "--calls",
                &calls.to_string(),
                "--side",
                side,
                "--only",
                workload,
            ])
            .output()
            .map_err(|e| format!("could not start valgrind: {e}"))?;
        let text = String::from_utf8_lossy(&out.stderr);
        text.lines()
            .find_map(|l| l.split("Collected : ").nth(1))
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(|| format!("no instruction count from valgrind: {text}"))
    };
    println!("instructions per call (callgrind; 6 calls less 3):");
    println!(
        "{:<14} {:>14} {:>14} {:>8}",
        "workload", "dxcast", "augurs", "ratio"
    );
    for workload in ["damped_holt", "holt", "choice"] {
        let per_call = |side: &str| -> Result<u64> {
            Ok((count(workload, side, 6)?.saturating_sub(count(workload, side, 3)?)) / 3)
        };
        let (ours, theirs) = (per_call("dxcast")?, per_call("augurs")?);
        println!(
            "{workload:<14} {ours:>14} {theirs:>14} {:>8.3}",
            ours as f64 / theirs as f64
        );
    }
    Ok(())
}
