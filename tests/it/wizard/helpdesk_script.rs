//! The helpdesk call script in its own panel, drawn by the real render code into a test
//! backend and paged with the real key table: Say, Ask, Listen for in call order, never a
//! sentence cut off — what does not fit is behind a "more" marker and the `s` key in the
//! footer — at 80×24 for every step of the embedded flow, and snapshots at 80×24 and 100×30.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use ratatui::layout::Rect;

use crate::support::screen;
use qbfix::flow::{self, Step, StepKind};
use qbfix::session::{Session, SystemFacts};
use qbfix::tui::app::App;
use qbfix::tui::keys::KeyContext;
use qbfix::tui::theme::Theme;
use qbfix::wizard::{Msg, Wizard};

fn t(s: i64) -> Timestamp {
    Timestamp::from_second(1_795_000_000 + s).unwrap()
}

/// A helpdesk call (a case code) at its first step.
fn wizard() -> Wizard {
    let flow = flow::default_flow().unwrap();
    let mut s = Session::new(
        "20261218-101320-c0ffee".into(),
        &flow.id,
        t(0),
        SystemFacts::default(),
    );
    s.case_code = Some("QB-7K3M-9TQ2".into());
    Wizard::new(Arc::new(flow), s).0
}

fn at_step(w: &mut Wizard, id: &str) {
    if w.current_id() != id {
        w.update(Msg::Jump {
            to: id.to_string(),
            at: t(30),
        });
    }
    assert_eq!(w.current_id(), id);
}

fn screen(w: &Wizard, app: &App, width: u16, height: u16) -> String {
    screen::text(w, app, width, height)
}

fn press(app: &mut App, w: &Wizard, c: char, width: u16, height: u16) {
    let ctx = KeyContext::of(w, app, Rect::new(0, 0, width, height), t(40));
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), &ctx);
}

/// The script panel's rows: its top border, the rows inside, its bottom border (by screen
/// column: every cell is one character here).
fn panel(text: &str) -> Option<(String, Vec<String>, String)> {
    let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    let cut = |row: &[char], from: usize, to: usize| row[from..to].iter().collect::<String>();
    let top = lines
        .iter()
        .position(|l| l.iter().collect::<String>().contains("┌ Call script"))?;
    let col = lines[top].iter().position(|c| *c == '┌')?;
    let end = col + lines[top][col..].iter().position(|c| *c == '┐')? + 1;
    let bottom = (top + 1..lines.len()).find(|&i| lines[i][col] == '└')?;
    let inside = lines[top + 1..bottom]
        .iter()
        .map(|l| cut(l, col + 1, end - 1).trim().to_string())
        .collect();
    Some((cut(&lines[top], col, end), inside, cut(&lines[bottom], col, end)))
}

/// Words joined by single spaces.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sentences of a script text, split here independently of the code under test.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for word in text.split_whitespace() {
        current.push(word);
        if word.ends_with('.') || word.ends_with('?') || word.ends_with('!') {
            out.push(current.join(" "));
            current.clear();
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

/// What the script of `step` must say, in call order.
fn script_parts(step: &Step) -> Vec<String> {
    let mut parts = Vec::new();
    for text in [&step.say, &step.ask].into_iter().flatten() {
        parts.extend(sentences(text));
    }
    for l in &step.listen {
        let n = step.answers.iter().position(|a| a.id == l.answer).unwrap() + 1;
        // Quoted as the customer would say it, unless the words carry quotes of their own.
        let hear = if l.hear.contains('"') {
            l.hear.clone()
        } else {
            format!("“{}”", l.hear)
        };
        parts.push(format!("{hear} → {n}"));
    }
    parts
}

/// The first and last few words of a part: seeing one without the whole part is a cut.
fn ends(part: &str) -> (String, String) {
    let words: Vec<&str> = part.split_whitespace().collect();
    let k = 3.min(words.len());
    (words[..k].join(" "), words[words.len() - k..].join(" "))
}

/// Every step of the embedded flow at 80×24: page through the script with `s` (the key the
/// footer and the panel's border name) until it comes back to the first page. On every page each sentence is there
/// whole or not at all, and when any is not there the panel says "more" (or, on the last
/// page, how to get back to the top); over the pages every sentence is seen whole.
#[test]
fn every_step_at_80x24_shows_whole_sentences_or_the_more_marker() {
    walk_every_step(80, 24);
}

/// The same walk where more sentences wrap onto a second row, so a page can end with rows
/// to spare that a sentence must not spill into.
#[test]
fn every_step_on_narrower_screens_shows_whole_sentences_or_the_more_marker() {
    for (width, height) in [(60, 24), (50, 20), (100, 30)] {
        walk_every_step(width, height);
    }
}

fn walk_every_step(width: u16, height: u16) {
    let flow = flow::default_flow().unwrap();
    let mut w = wizard();
    let mut paged = 0;
    for step in flow.steps.iter().filter(|s| s.kind != StepKind::Summary) {
        at_step(&mut w, &step.id);
        let parts = script_parts(step);
        assert!(!parts.is_empty(), "{} has a script", step.id);
        let mut app = App::new(Theme::monochrome());
        let mut seen = vec![false; parts.len()];
        let mut pages = 0;
        loop {
            let text = screen(&w, &app, width, height);
            let (top, inside, bottom) =
                panel(&text).unwrap_or_else(|| panic!("{}: no script panel in\n{text}", step.id));
            let shown = squash(&inside.join(" "));
            let footer = text.lines().last().unwrap();
            let mut missing = false;
            for (i, part) in parts.iter().enumerate() {
                let whole = shown.contains(&squash(part));
                let (first, last) = ends(part);
                // A sentence split over two pages would show only one of its ends here.
                assert!(
                    whole || !(shown.contains(&first) || shown.contains(&last)),
                    "{}: {part:?} cut off in\n{text}",
                    step.id
                );
                seen[i] |= whole;
                missing |= !whole;
            }
            pages += 1;
            if !missing {
                assert!(!bottom.contains("more"), "{}: nothing more, yet\n{text}", step.id);
                break;
            }
            paged += 1;
            let marker = bottom.contains("s more ↓") || bottom.contains("s back to the top ↑");
            assert!(
                marker,
                "{}: something left out without a marker in\n{text}",
                step.id
            );
            assert!(
                top.contains(&format!("Call script {pages}/")),
                "{}: {top}",
                step.id
            );
            // From 80 columns the footer names the key too; narrower, the answers' keys, `n`,
            // `r` and `y` take its room, and the panel's own "s more ↓" names it.
            assert!(
                width < 80 || footer.contains("s script"),
                "{}: the footer names the key: {footer}",
                step.id
            );
            press(&mut app, &w, 's', width, height);
            if app.script_page == 0 {
                break;
            }
            assert!(pages < 20, "{}: the pages never end", step.id);
        }
        for (part, seen) in parts.iter().zip(&seen) {
            assert!(seen, "{}: {part:?} never shown whole", step.id);
        }
        if pages > 1 {
            // After the last page, `s` is back at the first.
            assert_eq!(app.script_page, 0, "{}", step.id);
        }
    }
    if (width, height) == (80, 24) {
        assert!(paged > 0, "at 80×24 some script needs more than one page");
    }
}

/// Say, then Ask, then Listen for, in the order the call goes.
#[test]
fn the_script_is_in_call_order() {
    let mut w = wizard();
    at_step(&mut w, "cache");
    let text = screen(&w, &App::new(Theme::monochrome()), 100, 30);
    let (_, inside, _) = panel(&text).unwrap();
    let row = |label: &str| inside.iter().position(|r| r.starts_with(label));
    let (say, ask, listen) = (
        row("Say:").unwrap(),
        row("Ask:").unwrap(),
        row("Listen for:").unwrap(),
    );
    assert!(say < ask && ask < listen, "{text}");
    // The first thing to listen for, with the answer key it means.
    let flow = flow::default_flow().unwrap();
    let hear = &flow.step("cache").unwrap().listen[0].hear;
    let listened = squash(&inside[listen + 1..].join(" "));
    assert!(listened.starts_with(&format!("“{hear}” → 1")), "{text}");
    // The script is not also drawn inside the step.
    assert_eq!(text.matches("Say:").count(), 1, "{text}");
}

#[test]
fn helpdesk_screens_with_the_script_panel() {
    let mut w = wizard();
    for id in ["symptom", "connection", "firewall", "support"] {
        at_step(&mut w, id);
        for (width, height) in [(80, 24), (100, 30)] {
            let mut app = App::new(Theme::monochrome());
            let text = screen(&w, &app, width, height);
            insta::assert_snapshot!(format!("helpdesk_{id}_{width}x{height}"), text);
            if text.contains("s more ↓") {
                press(&mut app, &w, 's', width, height);
                let text = screen(&w, &app, width, height);
                insta::assert_snapshot!(format!("helpdesk_{id}_{width}x{height}_page2"), text);
            }
        }
    }
}

/// Without a case code (not helpdesk mode) there is no script panel.
#[test]
fn no_script_panel_outside_helpdesk_mode() {
    let flow = flow::default_flow().unwrap();
    let s = Session::new(
        "20261218-101320-c0ffee".into(),
        &flow.id,
        t(0),
        SystemFacts::default(),
    );
    let (w, _) = Wizard::new(Arc::new(flow), s);
    let text = screen(&w, &App::new(Theme::monochrome()), 80, 24);
    assert!(!text.contains("Call script") && !text.contains("Say:"), "{text}");
    assert!(!text.lines().last().unwrap().contains("script"), "{text}");
}
