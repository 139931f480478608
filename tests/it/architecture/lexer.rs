//! The architecture test's reader: Rust source text to tokens (comments, strings, chars and lifetimes
//! skipped), and the paths those tokens spell (`use` trees expanded), each with its line and the
//! inline `mod name { … }` blocks it sits in. No regexes on raw text: a doc link or a string that
//! mentions `crate::x` never reaches the rules.

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Ident(String),
    /// `::`
    Colons,
    Punct(char),
    /// A string, char or number literal (its text is of no interest).
    Lit,
}

#[derive(Debug)]
pub struct Token {
    pub tok: Tok,
    pub line: usize,
}

/// One path, `use` groups expanded: `use crate::{a::b, c}` gives `crate::a::b` and `crate::c`.
#[derive(Debug)]
pub struct PathRef {
    pub segs: Vec<String>,
    pub line: usize,
    /// The inline modules (`mod tests { … }`) around it, outermost first.
    pub scope: Vec<String>,
    pub in_use: bool,
}

/// What the rules read of one file.
pub struct Scan {
    pub tokens: Vec<Token>,
    pub paths: Vec<PathRef>,
    /// Lines of `#[path = …]` attributes.
    pub path_attrs: Vec<usize>,
}

fn ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Where a raw string starting at `i` (`r"…"`, `br#"…"#`, `cr##"…"##`) ends, if one starts there.
fn raw_string_end(c: &[char], i: usize) -> Option<usize> {
    let mut k = i + usize::from(matches!(c.get(i), Some('b' | 'c')) && c.get(i + 1) == Some(&'r'));
    if c.get(k) != Some(&'r') {
        return None;
    }
    k += 1;
    let hashes = c[k..].iter().take_while(|&&h| h == '#').count();
    k += hashes;
    if c.get(k) != Some(&'"') {
        return None;
    }
    k += 1;
    while k < c.len() {
        if c[k] == '"' && c[k + 1..].iter().take(hashes).filter(|&&h| h == '#').count() == hashes {
            return Some(k + 1 + hashes);
        }
        k += 1;
    }
    Some(c.len())
}

pub fn tokens(src: &str) -> Vec<Token> {
    let c: Vec<char> = src.chars().collect();
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    while i < c.len() {
        let (ch, start, from) = (c[i], line, i);
        let tok = if ch.is_whitespace() {
            i += 1;
            None
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
            None
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    (depth, i) = (depth + 1, i + 2);
                } else if c[i] == '*' && at(i + 1) == '/' {
                    (depth, i) = (depth - 1, i + 2);
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            None
        } else if let Some(end) = raw_string_end(&c, i) {
            i = end;
            Some(Tok::Lit)
        } else if ch == '"' || (matches!(ch, 'b' | 'c') && at(i + 1) == '"') {
            i += if ch == '"' { 1 } else { 2 };
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            Some(Tok::Lit)
        } else if ch == '\'' || (ch == 'b' && at(i + 1) == '\'') {
            let q = if ch == '\'' { i } else { i + 1 };
            if at(q + 1) == '\\' {
                i = q + 3;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
                Some(Tok::Lit)
            } else if at(q + 2) == '\'' {
                i = q + 3;
                Some(Tok::Lit)
            } else {
                // A lifetime or a loop label: `'a`, `'static`.
                i = q + 1;
                while i < c.len() && ident_char(c[i]) {
                    i += 1;
                }
                None
            }
        } else if ch == 'r' && at(i + 1) == '#' && ident_start(at(i + 2)) {
            i += 2;
            let s = i;
            while i < c.len() && ident_char(c[i]) {
                i += 1;
            }
            Some(Tok::Ident(c[s..i].iter().collect()))
        } else if ident_start(ch) {
            while i < c.len() && ident_char(c[i]) {
                i += 1;
            }
            Some(Tok::Ident(c[from..i].iter().collect()))
        } else if ch.is_ascii_digit() {
            while i < c.len() && ident_char(c[i]) {
                i += 1;
            }
            Some(Tok::Lit)
        } else if ch == ':' && at(i + 1) == ':' {
            i += 2;
            Some(Tok::Colons)
        } else {
            i += 1;
            Some(Tok::Punct(ch))
        };
        line += c[from..i.min(c.len())].iter().filter(|&&n| n == '\n').count();
        if let Some(tok) = tok {
            out.push(Token { tok, line: start });
        }
    }
    out
}

fn is(t: &[Token], i: usize, want: &Tok) -> bool {
    t.get(i).is_some_and(|t| &t.tok == want)
}

fn ident(t: &[Token], i: usize) -> Option<&str> {
    match t.get(i).map(|t| &t.tok) {
        Some(Tok::Ident(s)) => Some(s),
        _ => None,
    }
}

/// Reads one use tree (or one plain path) at `i`, pushing every path it spells; returns where it ends.
fn tree(
    t: &[Token],
    mut i: usize,
    mut prefix: Vec<String>,
    scope: &[String],
    in_use: bool,
    out: &mut Vec<PathRef>,
) -> usize {
    let line = t.get(i).map_or(0, |t| t.line);
    if is(t, i, &Tok::Punct('{')) {
        i += 1;
        while i < t.len() && !is(t, i, &Tok::Punct('}')) {
            let before = i;
            i = tree(t, i, prefix.clone(), scope, in_use, out);
            if is(t, i, &Tok::Punct(',')) || i == before {
                i += 1;
            }
        }
        return i + 1;
    }
    let mut read = false;
    while let Some(seg) = ident(t, i) {
        if seg != "self" || prefix.is_empty() {
            prefix.push(seg.to_string());
        }
        (read, i) = (true, i + 1);
        if !is(t, i, &Tok::Colons) {
            break;
        }
        i += 1;
        if is(t, i, &Tok::Punct('{')) {
            return tree(t, i, prefix, scope, in_use, out);
        }
        if is(t, i, &Tok::Punct('*')) {
            i += 1;
            break;
        }
    }
    if ident(t, i) == Some("as") {
        i += 2;
    }
    if read {
        out.push(PathRef {
            segs: prefix,
            line,
            scope: scope.to_vec(),
            in_use,
        });
    }
    i
}

pub fn scan(src: &str) -> Scan {
    let t = tokens(src);
    let (mut paths, mut path_attrs) = (Vec::new(), Vec::new());
    let mut scope: Vec<(String, usize)> = Vec::new();
    let (mut depth, mut opening) = (0_usize, None);
    let mut i = 0;
    while i < t.len() {
        let after_colons_or_dot = i > 0 && matches!(t[i - 1].tok, Tok::Colons | Tok::Punct('.'));
        let names = || scope.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        match &t[i].tok {
            Tok::Ident(k) if k == "mod" && is(&t, i + 2, &Tok::Punct('{')) => opening = ident(&t, i + 1),
            Tok::Ident(k) if k == "use" && !after_colons_or_dot => {
                let start = i + 1 + usize::from(is(&t, i + 1, &Tok::Colons));
                i = tree(&t, start, Vec::new(), &names(), true, &mut paths);
                continue;
            }
            Tok::Ident(_) if !after_colons_or_dot && is(&t, i + 1, &Tok::Colons) => {
                i = tree(&t, i, Vec::new(), &names(), false, &mut paths);
                continue;
            }
            Tok::Punct('#') if ident(&t, i + 2) == Some("path") && is(&t, i + 1, &Tok::Punct('[')) => {
                path_attrs.push(t[i].line);
            }
            Tok::Punct('{') => {
                depth += 1;
                if let Some(name) = opening.take() {
                    scope.push((name.to_string(), depth));
                }
            }
            Tok::Punct('}') => {
                if scope.last().is_some_and(|(_, d)| *d == depth) {
                    scope.pop();
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        i += 1;
    }
    Scan {
        tokens: t,
        paths,
        path_attrs,
    }
}
