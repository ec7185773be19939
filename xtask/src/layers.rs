//! The layers' checks: the app's model crate depends on no front end, and
//! no module of a crate imports another in a circle.
//!
//! The module graph is read from the sources: every `.rs` file under `src/`
//! is a module (`lib.rs` is `crate`, `a/mod.rs` and `a.rs` are `a`, `a/b.rs`
//! is `a::b`), and an edge goes from a file to each module its paths name:
//! `crate::a::b::Item`, `crate::{a, b::c}`, `super::x`, and a child declared
//! with `mod x;` named as `x::…`. A path names the longest module it starts
//! with. Cycles are looked for between files and between top-level modules
//! (a folder and its files count as one), with Tarjan's strongly connected
//! components.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What the model crate must not depend on: front-end and browser crates.
pub(crate) const FORBIDDEN: [&str; 5] =
    ["leptos", "web-sys", "js-sys", "wasm-bindgen", "dxcast-web"];

/// A module graph: each module and the modules it names.
pub(crate) type Graph = BTreeMap<String, BTreeSet<String>>;

/// The module of the file at `rel` (a path under `src/`, with `/`).
fn module_of(rel: &str) -> Option<String> {
    let stem = rel.strip_suffix(".rs")?;
    if stem == "lib" {
        return Some("crate".into());
    }
    if stem == "main" {
        // A binary's root is another crate: it uses the library by name.
        return None;
    }
    let stem = stem.strip_suffix("/mod").unwrap_or(stem);
    Some(stem.replace('/', "::"))
}

/// The source without comments (line comments, doc comments and block
/// comments) and without the contents of string literals, so that words in
/// them are not read as paths.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for d in chars.by_ref() {
                    if d == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                for d in chars.by_ref() {
                    if prev == '*' && d == '/' {
                        break;
                    }
                    prev = d;
                }
            }
            '"' => {
                out.push('"');
                let mut escaped = false;
                for d in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if d == '\\' {
                        escaped = true;
                    } else if d == '"' {
                        break;
                    }
                }
                out.push('"');
            }
            _ => out.push(c),
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The paths that follow a `prefix::` at the start of `rest`: `a::b::C`,
/// or each path of a braced group `{a, b::{c, d}}`, as segment lists.
fn paths_after(rest: &str) -> Vec<Vec<String>> {
    fn parse(s: &str, i: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
        let bytes: Vec<char> = s.chars().collect();
        let mut segs: Vec<String> = prefix.to_vec();
        loop {
            while *i < bytes.len() && bytes[*i].is_whitespace() {
                *i += 1;
            }
            if *i < bytes.len() && bytes[*i] == '{' {
                *i += 1;
                loop {
                    parse(s, i, &segs, out);
                    while *i < bytes.len() && bytes[*i].is_whitespace() {
                        *i += 1;
                    }
                    match bytes.get(*i) {
                        Some(',') => *i += 1,
                        Some('}') => {
                            *i += 1;
                            return;
                        }
                        _ => return,
                    }
                    while *i < bytes.len() && bytes[*i].is_whitespace() {
                        *i += 1;
                    }
                    if bytes.get(*i) == Some(&'}') {
                        *i += 1;
                        return;
                    }
                }
            }
            let start = *i;
            while *i < bytes.len() && is_ident(bytes[*i]) {
                *i += 1;
            }
            if *i == start {
                if segs.len() > prefix.len() {
                    out.push(segs);
                }
                return;
            }
            segs.push(bytes[start..*i].iter().collect());
            if bytes.get(*i) == Some(&':') && bytes.get(*i + 1) == Some(&':') {
                *i += 2;
            } else {
                out.push(segs);
                return;
            }
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    parse(rest, &mut i, &[], &mut out);
    out
}

/// The longest module of `modules` that `path` (segments from the crate
/// root) starts with; the crate root's own items (`crate::App`) are in
/// `crate`.
fn longest_module(path: &[String], modules: &BTreeSet<String>) -> Option<String> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| modules.contains(m))
        .or_else(|| modules.contains("crate").then(|| "crate".to_string()))
}

/// Every path of `code` that starts with a word `base` knows (followed by
/// `::`), as segments from the crate root.
fn paths_from(code: &str, base: impl Fn(&str) -> Option<Vec<String>>) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let at_word = i == 0 || (!is_ident(chars[i - 1]) && chars[i - 1] != ':');
        if !at_word || !is_ident(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_ident(chars[i]) {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        if chars.get(i) != Some(&':') || chars.get(i + 1) != Some(&':') {
            continue;
        }
        if let Some(prefix) = base(&word) {
            let rest: String = chars[i + 2..].iter().collect();
            for path in paths_after(&rest) {
                out.push(prefix.iter().cloned().chain(path).collect());
            }
        }
    }
    out
}

/// The modules one file's code names, as seen from module `here`: paths
/// from `crate::`, `super::` and `self::`, and paths from a child declared
/// in the file or a module imported by name (`use crate::i18n;` then
/// `i18n::errors::error`).
fn edges_of(here: &str, code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let own: Vec<String> = if here == "crate" {
        Vec::new()
    } else {
        here.split("::").map(String::from).collect()
    };
    let parent: Vec<String> = own
        .iter()
        .take(own.len().saturating_sub(1))
        .cloned()
        .collect();
    let mut names: BTreeMap<String, Vec<String>> = code
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            let l = l.strip_prefix("pub ").unwrap_or(l);
            let name = l.strip_prefix("mod ")?.strip_suffix(';')?.trim();
            let path: Vec<String> = own.iter().cloned().chain([name.to_string()]).collect();
            Some((name.to_string(), path))
        })
        .collect();
    let mut paths = paths_from(code, |w| match w {
        "crate" => Some(Vec::new()),
        "super" => Some(parent.clone()),
        "self" => Some(own.clone()),
        _ => None,
    });
    for p in &paths {
        let mut p = p.clone();
        if p.last().is_some_and(|l| l == "self") {
            p.pop();
        }
        if let Some(last) = p.last() {
            if modules.contains(&p.join("::")) {
                names.insert(last.clone(), p.clone());
            }
        }
    }
    paths.extend(paths_from(code, |w| names.get(w).cloned()));
    let mut out: BTreeSet<String> = paths
        .iter()
        .filter_map(|p| longest_module(p, modules))
        .collect();
    out.remove(here);
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            rust_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    Ok(())
}

/// The module graph of the crate whose sources are in `src`.
///
/// # Errors
///
/// A file that cannot be read.
pub(crate) fn graph(src: &Path) -> Result<Graph, String> {
    let mut files = Vec::new();
    rust_files(src, &mut files)?;
    let mut sources = BTreeMap::new();
    for f in &files {
        let rel = f
            .strip_prefix(src)
            .map_err(|e| e.to_string())?
            .to_string_lossy()
            .replace('\\', "/");
        if let Some(m) = module_of(&rel) {
            let text =
                fs::read_to_string(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
            sources.insert(m, code_only(&text));
        }
    }
    let modules: BTreeSet<String> = sources.keys().cloned().collect();
    Ok(sources
        .iter()
        .map(|(m, code)| (m.clone(), edges_of(m, code, &modules)))
        .collect())
}

/// The graph between top-level modules: a folder and its files are one.
#[must_use]
pub(crate) fn top_level(g: &Graph) -> Graph {
    let top = |m: &str| m.split("::").next().unwrap_or(m).to_string();
    let mut out = Graph::new();
    for (m, edges) in g {
        let entry = out.entry(top(m)).or_default();
        for e in edges {
            if top(e) != top(m) {
                entry.insert(top(e));
            }
        }
    }
    out
}

/// The cycles of `g`: its strongly connected components of more than one
/// module (Tarjan's algorithm), each sorted.
#[must_use]
pub(crate) fn cycles(g: &Graph) -> Vec<Vec<String>> {
    struct State<'g> {
        g: &'g Graph,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        let edges: Vec<&'g str> =
            s.g.get(v)
                .map(|e| e.iter().map(String::as_str).collect())
                .unwrap_or_default();
        for w in edges {
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low[v];
                s.low.insert(v, lv.min(lw));
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low[v];
                s.low.insert(v, lv.min(iw));
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut s = State {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in g.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out
}

/// The edges inside a cycle, to say where it runs.
fn cycle_edges(g: &Graph, cycle: &[String]) -> String {
    let mut lines = Vec::new();
    for m in cycle {
        for e in g.get(m).into_iter().flatten() {
            if cycle.contains(e) {
                lines.push(format!("  {m} -> {e}"));
            }
        }
    }
    lines.join("\n")
}

/// Fails when the crate whose sources are in `src` has modules that import
/// each other in a circle, between files or between top-level modules.
///
/// # Errors
///
/// The cycles found, with their edges.
pub(crate) fn check_no_cycles(src: &Path) -> Result<(), String> {
    let files = graph(src)?;
    let tops = top_level(&files);
    let mut problems = Vec::new();
    for (what, g) in [("files", &files), ("top-level modules", &tops)] {
        for c in cycles(g) {
            problems.push(format!(
                "{}: a cycle between {what} {}:\n{}",
                src.display(),
                c.join(", "),
                cycle_edges(g, &c)
            ));
        }
    }
    if problems.is_empty() {
        println!(
            "{}: {} modules, no cycle between them",
            src.display(),
            files.len()
        );
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Fails when `cargo tree` shows the model crate `package` depending, for
/// any target and in its tests too, on a front-end or browser crate.
///
/// # Errors
///
/// The crates found, or `cargo tree`'s failure.
pub(crate) fn check_dependencies(root: &Path, package: &str) -> Result<(), String> {
    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "tree",
            "-p",
            package,
            "--target",
            "all",
            "-e",
            "normal,build,dev",
            "--prefix",
            "none",
            "--format",
            "{p}",
        ])
        .current_dir(root)
        .output()
        .map_err(|e| format!("cannot run cargo tree: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo tree -p {package} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let found = forbidden_in(&text);
    if found.is_empty() {
        println!("{package}: no dependency on {}", FORBIDDEN.join(", "));
        Ok(())
    } else {
        Err(format!("{package} depends on {}", found.join(", ")))
    }
}

/// The forbidden crates in `cargo tree --prefix none --format {p}` output.
fn forbidden_in(tree: &str) -> Vec<String> {
    let names: BTreeSet<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    FORBIDDEN
        .iter()
        .filter(|f| names.contains(**f))
        .map(|f| (*f).to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn paths_and_groups_name_modules() {
        let modules = set(&[
            "crate",
            "chart",
            "state",
            "components",
            "components::errors",
            "i18n",
            "i18n::errors",
        ]);
        let code = code_only(
            "use crate::{chart, state::{use_state, AppState}};\n\
             use crate::components::errors::PageError; // crate::nothing\n\
             fn f() { crate::i18n::t(); let s = \"crate::chart\"; }\n",
        );
        assert_eq!(
            edges_of("pages", &code, &modules),
            set(&["chart", "state", "components::errors", "i18n"])
        );
        // `super::` from a child names the parent; a declared child named by
        // its bare path is an edge too.
        assert_eq!(
            edges_of("i18n::errors", "use super::{t, K};", &modules),
            set(&["i18n"])
        );
        // An item of the crate root is in `crate`.
        assert_eq!(
            edges_of("pages", "use crate::use_state;", &modules),
            set(&["crate"])
        );
        assert_eq!(
            edges_of("i18n", "pub mod errors;\npub use errors::error;", &modules),
            set(&["i18n::errors"])
        );
        // A module imported by name, then used by its path.
        assert_eq!(
            edges_of(
                "pages",
                "use crate::i18n::{self, t};\nfn f() { i18n::errors::error(); }",
                &modules
            ),
            set(&["i18n", "i18n::errors"])
        );
        assert_eq!(module_of("i18n/mod.rs").as_deref(), Some("i18n"));
        assert_eq!(module_of("pages/data.rs").as_deref(), Some("pages::data"));
        assert_eq!(module_of("lib.rs").as_deref(), Some("crate"));
        assert_eq!(module_of("main.rs"), None);
    }

    #[test]
    fn cycles_are_found_between_files_and_folders() {
        let g: Graph = [
            ("a", vec!["b"]),
            ("b", vec!["c"]),
            ("c", vec!["a", "d"]),
            ("d", vec![]),
            ("x::one", vec!["y"]),
            ("y", vec!["x::two"]),
            ("x::two", vec![]),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), set(&v)))
        .collect();
        assert_eq!(cycles(&g), [vec!["a", "b", "c"]]);
        // x and y import each other only as folders.
        assert_eq!(
            cycles(&top_level(&g)),
            [vec!["a", "b", "c"], vec!["x", "y"]]
        );
        let edges = cycle_edges(&g, &cycles(&g)[0]);
        assert!(edges.contains("c -> a") && !edges.contains("c -> d"));
    }

    #[test]
    fn forbidden_crates_are_found_in_a_tree() {
        let tree = "dxcast-app v0.1.0 (/x/app)\ndxcast-core v0.1.0\nserde_json v1.0.1\n";
        assert!(forbidden_in(tree).is_empty());
        let web = "dxcast-app v0.1.0\nleptos v0.8.23\njs-sys v0.3.107\n";
        assert_eq!(forbidden_in(web), ["leptos", "js-sys"]);
    }
}
