//! The HTML report: one self-contained file (inline style, no scripts, nothing loaded from
//! elsewhere), light and dark, print-friendly, every outside string escaped. Status marks carry
//! a symbol and a word as well as a colour; the verdict box is coloured by whose problem it is.

use std::fmt::Write;

use super::document::{Document, Item, SectionKind};
use crate::evidence::Side;
use crate::text::sanitize::html as esc;

const STYLE: &str = ":root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--box:#f6f8fa;\
--pass:#1a7f37;--warn:#9a6700;--fail:#cf222e;--yours:#9a6700;--intuit:#0969da;--bank:#8250df;--unknown:#59636e}\
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;--box:#151b23;\
--pass:#3fb950;--warn:#d29922;--fail:#f85149;--yours:#d29922;--intuit:#4493f8;--bank:#ab7df8;--unknown:#9198a1}}\
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:var(--fg);background:var(--bg)}\
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid var(--line)}\
ul,ol{padding-left:1.5rem}li{margin:.25rem 0}.time,.note{color:var(--muted)}.note{display:block}\
.mark{display:inline-block;min-width:5.5rem;font-weight:600}\
.pass{color:var(--pass)}.warn{color:var(--warn)}.fail,.error{color:var(--fail)}.skip,.done{color:var(--muted)}\
.verdict{background:var(--box);padding:.75rem 1rem;border-left:6px solid var(--unknown)}\
.verdict.yours{border-color:var(--yours)}.verdict.intuit{border-color:var(--intuit)}.verdict.bank{border-color:var(--bank)}\
.verdict .owner{font-weight:600}\
@media print{body{margin:0;max-width:none;color:#000;background:#fff}h2{break-after:avoid}li,.verdict{break-inside:avoid}\
.verdict{border:1px solid #000;border-left-width:6px}}";

fn item_html(item: &Item) -> String {
    let mut li = String::new();
    if let Some(mark) = item.mark {
        let _ = write!(
            li,
            "<span class=\"mark {}\">{} {}</span> ",
            mark.class(),
            mark.symbol(),
            mark.word()
        );
    }
    if let Some(lead) = item.lead() {
        let _ = write!(li, "<strong>{}</strong> ", esc(&lead));
    }
    li.push_str(&esc(&item.text));
    if let Some(t) = &item.time {
        let _ = write!(li, " <span class=\"time\">({})</span>", esc(t));
    }
    if let Some(note) = &item.note {
        let _ = write!(li, "<span class=\"note\"><em>Note:</em> {}</span>", esc(note));
    }
    li
}

/// Renders the whole document.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let _ = write_doc(&mut out, doc);
    out
}

fn write_doc(out: &mut String, doc: &Document) -> std::fmt::Result {
    let name = match &doc.case_code {
        Some(code) => format!("Case {code}"),
        None => format!("Session {}", doc.session_id),
    };
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\"><head><meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<meta name=\"color-scheme\" content=\"light dark\">")?;
    writeln!(
        out,
        "<title>{} · QuickBooks Online 502 report</title>",
        esc(&name)
    )?;
    writeln!(out, "<style>{STYLE}</style></head><body>")?;
    writeln!(out, "<h1>{}</h1>", esc(&doc.title))?;
    for section in &doc.sections {
        if section.kind != SectionKind::Overview {
            writeln!(out, "<h2>{}</h2>", esc(section.heading))?;
        }
        if section.kind == SectionKind::Verdict {
            write_verdict(out, doc, &section.items, section.empty)?;
            continue;
        }
        if section.items.is_empty() {
            writeln!(out, "<p>{}</p>", esc(section.empty))?;
            continue;
        }
        // Steps keep the number the flow gives them, whatever order they were visited in.
        let numbered = section.items.iter().all(|i| i.number.is_some());
        let list = if numbered { "ol" } else { "ul" };
        writeln!(out, "<{list}>")?;
        for item in &section.items {
            match item.number.filter(|_| numbered) {
                Some(n) => writeln!(out, "<li value=\"{n}\">{}</li>", item_html(item))?,
                None => writeln!(out, "<li>{}</li>", item_html(item))?,
            }
        }
        writeln!(out, "</{list}>")?;
    }
    writeln!(out, "</body></html>")
}

fn write_verdict(out: &mut String, doc: &Document, items: &[Item], empty: &str) -> std::fmt::Result {
    let class = match doc.side {
        None => "unknown",
        Some(Side::Intuit) => "intuit",
        Some(Side::Bank) => "bank",
        Some(_) => "yours",
    };
    match items {
        [title, rest @ ..] => {
            writeln!(out, "<div class=\"verdict {class}\">")?;
            writeln!(out, "<p><strong>{}</strong></p>", esc(&title.text))?;
            for item in rest {
                let class = if item.label == "Whose problem" {
                    " class=\"owner\""
                } else {
                    ""
                };
                writeln!(out, "<p{class}>{}</p>", item_html(item))?;
            }
            writeln!(out, "</div>")
        }
        [] => writeln!(out, "<div class=\"verdict {class}\"><p>{}</p></div>", esc(empty)),
    }
}
