//! The architecture test's graph: which module a file is, which module file a `crate::`/`super::`
//! path lands in, and the circles (strongly connected groups) among the arrows, each told with one
//! way around it.

use std::collections::{BTreeMap, VecDeque};

use super::lexer::PathRef;

/// One arrow: a path written in file `from` (an index into the tree) that lands in module file `to`.
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub line: usize,
    pub text: String,
}

/// `probe/tunnel.rs` is `probe::tunnel`, `probe/mod.rs` is `probe`, `lib.rs` the root; `main.rs` is `main`.
pub fn module_of(rel: &str) -> Vec<String> {
    let mut segs: Vec<String> = rel.trim_end_matches(".rs").split('/').map(String::from).collect();
    if segs.last().is_some_and(|s| s == "mod") || segs == ["lib"] {
        segs.pop();
    }
    segs
}

/// The top-level module a module belongs to; `lib` for the crate root.
pub fn top_of(module: &[String]) -> &str {
    module.first().map_or("lib", String::as_str)
}

/// Whether one module is the other or one of its descendants (the root holds every module).
pub fn related(a: &[String], b: &[String]) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// The module file a path lands in (an index into `mods`): the longest prefix of it that is a module
/// file; none for `self::`, other crates, or items of the root. `qbfix::` counts only in `main.rs`.
pub fn resolve(rel: &str, me: &[String], p: &PathRef, mods: &BTreeMap<Vec<String>, usize>) -> Option<usize> {
    let main = rel == "main.rs";
    let abs: Vec<String> = match p.segs[0].as_str() {
        "crate" if !main => p.segs[1..].to_vec(),
        "qbfix" if main => p.segs[1..].to_vec(),
        "super" if !main => {
            let mut base: Vec<String> = me.iter().chain(&p.scope).cloned().collect();
            let ups = p.segs.iter().take_while(|s| *s == "super").count();
            base.truncate(base.len().checked_sub(ups)?);
            base.extend(p.segs[ups..].iter().cloned());
            base
        }
        _ => return None,
    };
    (1..=abs.len()).rev().find_map(|n| mods.get(&abs[..n]).copied())
}

/// Every strongly connected group of more than one node (sorted), with one way around it (arc indices).
fn circles(n: usize, arcs: &[(usize, usize)]) -> Vec<(Vec<usize>, Vec<usize>)> {
    let mut next = vec![Vec::new(); n];
    for (k, &(a, b)) in arcs.iter().enumerate() {
        next[a].push((b, k));
    }
    let reach: Vec<Vec<bool>> = (0..n)
        .map(|s| {
            let (mut seen, mut todo) = (vec![false; n], vec![s]);
            seen[s] = true;
            while let Some(u) = todo.pop() {
                for &(w, _) in &next[u] {
                    if !std::mem::replace(&mut seen[w], true) {
                        todo.push(w);
                    }
                }
            }
            seen
        })
        .collect();
    let mut placed = vec![false; n];
    let mut found = Vec::new();
    for (v, from_v) in reach.iter().enumerate() {
        let group: Vec<usize> = (0..n)
            .filter(|&w| !placed[w] && from_v[w] && reach[w][v])
            .collect();
        group.iter().for_each(|&w| placed[w] = true);
        if group.len() < 2 {
            continue;
        }
        // Breadth first from v, inside the group, until an arc leads back to v.
        let (mut came, mut todo) = (BTreeMap::new(), VecDeque::from([v]));
        'search: while let Some(u) = todo.pop_front() {
            for &(w, k) in &next[u] {
                if w == v {
                    let (mut way, mut at) = (vec![k], u);
                    while at != v {
                        way.push(came[&at]);
                        at = arcs[came[&at]].0;
                    }
                    way.reverse();
                    found.push((group, way));
                    break 'search;
                }
                if group.contains(&w) && !came.contains_key(&w) {
                    came.insert(w, k);
                    todo.push_back(w);
                }
            }
        }
    }
    found
}

/// Rule 3: every circle among `arcs` (node, node, an arrow that makes that arc), its nodes called by
/// `names`; each as (file, line, words) at the first arrow of one way around it.
pub fn circle_reports(
    files: &[(String, String)],
    kind: &str,
    names: &[&str],
    arcs: &[(usize, usize, &Edge)],
) -> Vec<(String, usize, String)> {
    let pairs: Vec<(usize, usize)> = arcs.iter().map(|&(a, b, _)| (a, b)).collect();
    let mut out = Vec::new();
    for (group, way) in circles(names.len(), &pairs) {
        let members: Vec<&str> = group.iter().map(|&g| names[g]).collect();
        let edges: Vec<&Edge> = way.iter().map(|&k| arcs[k].2).collect();
        let around: Vec<String> = edges
            .iter()
            .map(|e| format!("src/{}:{} `{}`", files[e.from].0, e.line, e.text))
            .collect();
        let what = format!(
            "{kind} {} import each other: {} -> back",
            members.join(", "),
            around.join(" -> ")
        );
        out.push((files[edges[0].from].0.clone(), edges[0].line, what));
    }
    out
}
