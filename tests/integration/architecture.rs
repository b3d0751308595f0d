//! The shape of the crate: one concept per file, no import circles between modules, no file
//! too long to read. Checked on the source text, so a new circle fails `cargo test` with the
//! modules that form it.
//!
//! Every file of `src/` is a module (`src/a/mod.rs` is `a`, `src/a/b.rs` is `a::b`). A module
//! depends on another when its code names it: `crate::x::…` and `super::…` paths, and in a
//! `mod.rs` the paths through its own child modules. A name the crate root re-exports
//! (`crate::Lang`) counts as a dependency on the module that defines it. The unit tests at the
//! end of a file (`#[cfg(test)]` and what follows) do not count: they may use anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The longest a file of `src/` may be, unit tests excluded.
const MAX_FILE_LINES: usize = 600;

struct Module {
    path: String,
    file: PathBuf,
    /// The code before the unit tests, comments removed.
    code: String,
    /// Lines before the unit tests.
    lines: usize,
    children: Vec<String>,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

fn module_path(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("a file under src/");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts
        .last()
        .is_some_and(|last| last == "mod" || last == "lib")
    {
        parts.pop();
    }
    parts.join("::")
}

/// The code of a file up to its unit tests, with line comments (and so doc comments) removed.
fn code_before_tests(text: &str) -> (String, usize) {
    let mut code = String::new();
    let mut lines = 0;
    for line in text.lines() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        lines += 1;
        let without_comment = match line.find("//") {
            // `//` inside a string literal (a URL) is rare in code; good enough for paths.
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        };
        code.push_str(without_comment);
        code.push('\n');
    }
    (code, lines)
}

fn modules() -> Vec<Module> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).expect("a readable source file");
            let (code, lines) = code_before_tests(&text);
            let children = code
                .lines()
                .filter_map(|line| {
                    let line = line.trim();
                    let rest = line
                        .strip_prefix("pub mod ")
                        .or_else(|| line.strip_prefix("pub(crate) mod "))
                        .or_else(|| line.strip_prefix("mod "))?;
                    rest.strip_suffix(';').map(str::to_owned)
                })
                .collect();
            Module {
                path: module_path(&src, &file),
                file,
                code,
                lines,
                children,
            }
        })
        .collect()
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Expands the path (or `use` tree) that starts at `text` into its leaf paths, as segments.
fn path_trees(text: &str) -> Vec<Vec<String>> {
    fn tree(text: &str, at: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
        let bytes = text.as_bytes();
        let mut segments = prefix.to_vec();
        loop {
            while *at < bytes.len() && bytes[*at].is_ascii_whitespace() {
                *at += 1;
            }
            if bytes.get(*at) == Some(&b'{') {
                *at += 1;
                loop {
                    tree(text, at, &segments, out);
                    while *at < bytes.len() && bytes[*at].is_ascii_whitespace() {
                        *at += 1;
                    }
                    match bytes.get(*at) {
                        Some(b',') => *at += 1,
                        Some(b'}') => {
                            *at += 1;
                            return;
                        }
                        _ => return,
                    }
                    while *at < bytes.len() && bytes[*at].is_ascii_whitespace() {
                        *at += 1;
                    }
                    if bytes.get(*at) == Some(&b'}') {
                        *at += 1;
                        return;
                    }
                }
            }
            let start = *at;
            let rest = &text[start..];
            let len = rest.find(|c: char| !is_ident_char(c)).unwrap_or(rest.len());
            if len == 0 {
                break;
            }
            segments.push(rest[..len].to_owned());
            *at += len;
            if text[*at..].starts_with("::") {
                *at += 2;
            } else {
                break;
            }
        }
        out.push(segments);
    }
    let mut out = Vec::new();
    let mut at = 0;
    tree(text, &mut at, &[], &mut out);
    out
}

/// What the crate root re-exports: name → the module path it comes from.
fn root_exports(root: &Module) -> BTreeMap<String, String> {
    let mut exports = BTreeMap::new();
    for (at, _) in root.code.match_indices("pub use ") {
        for path in path_trees(&root.code[at + "pub use ".len()..]) {
            if let Some((name, module)) = path.split_last() {
                exports.insert(name.clone(), module.join("::"));
            }
        }
    }
    exports
}

/// The longest prefix of `segments` that names a module.
fn resolve(segments: &[String], known: &BTreeSet<String>) -> Option<String> {
    (1..=segments.len())
        .rev()
        .map(|n| segments[..n].join("::"))
        .find(|path| known.contains(path))
}

fn dependencies(modules: &[Module]) -> BTreeMap<String, BTreeSet<String>> {
    let known: BTreeSet<String> = modules.iter().map(|m| m.path.clone()).collect();
    let root = modules
        .iter()
        .find(|m| m.path.is_empty())
        .expect("src/lib.rs");
    let exports = root_exports(root);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for module in modules.iter().filter(|m| !m.path.is_empty()) {
        let parent: Vec<String> = {
            let mut parts: Vec<String> = module.path.split("::").map(str::to_owned).collect();
            parts.pop();
            parts
        };
        let mut targets = BTreeSet::new();
        let code = &module.code;
        for (at, _) in code.match_indices("crate::") {
            if at > 0 && code[..at].ends_with(|c: char| is_ident_char(c)) {
                continue;
            }
            for path in path_trees(&code[at + "crate::".len()..]) {
                let target = resolve(&path, &known).or_else(|| {
                    path.first()
                        .and_then(|name| exports.get(name))
                        .filter(|m| !m.is_empty())
                        .cloned()
                });
                targets.extend(target);
            }
        }
        for (at, _) in code.match_indices("super::") {
            if at > 0 && code[..at].ends_with(|c: char| is_ident_char(c)) {
                continue;
            }
            for path in path_trees(&code[at + "super::".len()..]) {
                let mut absolute = parent.clone();
                absolute.extend(path);
                // `super::` of a top-level module is the crate root: resolve its re-exports.
                let target = resolve(&absolute, &known)
                    .or_else(|| absolute.first().and_then(|name| exports.get(name)).cloned());
                targets.extend(target.filter(|t| !t.is_empty()));
            }
        }
        for child in &module.children {
            let own = format!("{}::{child}", module.path);
            for (at, _) in code.match_indices(&format!("{child}::")) {
                let before = &code[..at];
                if before.ends_with(|c: char| is_ident_char(c) || c == ':') {
                    continue;
                }
                targets.insert(own.clone());
            }
        }
        targets.remove(&module.path);
        graph.insert(module.path.clone(), targets);
    }
    graph
}

/// Every strongly connected component with more than one module (Tarjan's algorithm).
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'g>(state: &mut State<'g>, node: &'g str) {
        let next = state.index.len();
        state.index.insert(node, next);
        state.low.insert(node, next);
        state.stack.push(node);
        state.on_stack.insert(node);
        let graph = state.graph;
        for target in graph.get(node).into_iter().flatten() {
            let target = target.as_str();
            if !state.index.contains_key(target) {
                visit(state, target);
                let low = state.low[node].min(state.low[target]);
                state.low.insert(node, low);
            } else if state.on_stack.contains(target) {
                let low = state.low[node].min(state.index[target]);
                state.low.insert(node, low);
            }
        }
        if state.low[node] == state.index[node] {
            let mut component = Vec::new();
            while let Some(top) = state.stack.pop() {
                state.on_stack.remove(top);
                component.push(top.to_owned());
                if top == node {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                state.out.push(component);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for node in graph.keys() {
        if !state.index.contains_key(node.as_str()) {
            visit(&mut state, node);
        }
    }
    state.out
}

#[test]
fn no_import_circle_between_modules() {
    let graph = dependencies(&modules());
    let found = circles(&graph);
    assert!(
        found.is_empty(),
        "modules that import each other, directly or around a circle: {found:?}\n{graph:#?}"
    );
}

#[test]
fn no_file_is_too_long_to_read() {
    let long: Vec<String> = modules()
        .iter()
        .filter(|m| m.lines > MAX_FILE_LINES)
        .map(|m| format!("{} ({} lines)", m.file.display(), m.lines))
        .collect();
    assert!(
        long.is_empty(),
        "split these along their concepts: {long:?}"
    );
}

#[test]
fn the_checker_sees_paths_trees_and_circles() {
    let trees = path_trees("{a::{B, c::D}, e}; more");
    let expected: Vec<Vec<String>> = [&["a", "B"][..], &["a", "c", "D"], &["e"]]
        .iter()
        .map(|path| path.iter().map(|s| (*s).to_owned()).collect())
        .collect();
    assert_eq!(trees, expected);
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", &["b"][..]),
        ("b", &["c"]),
        ("c", &["a"]),
        ("d", &["a"]),
    ]
    .iter()
    .map(|(from, to)| {
        (
            (*from).to_owned(),
            to.iter().map(|t| (*t).to_owned()).collect(),
        )
    })
    .collect();
    assert_eq!(circles(&graph), vec![vec!["a", "b", "c"]]);
    let (code, lines) = code_before_tests("use x; // crate::y\n#[cfg(test)]\nmod tests {}\n");
    assert_eq!((code.as_str(), lines), ("use x; \n", 1));
}
