//! Issue 16, item 9: the cost of one key press with a long note (not a test: nothing here
//! asserts a time). Each measure is what the TUI's event loop does for the key — the key
//! carried out, then one frame drawn at 100×30 — with a note of 64 KiB and of 1 MiB
//! (paragraphs of words, as a pasted log or e-mail would be):
//! - a character typed into the note editor holding the note (the step under it holds it too);
//! - PgDn on the step that shows the note.
//!
//! Run with `cargo bench --bench note`.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use qbfix::flow;
use qbfix::session::{Session, SystemFacts};
use qbfix::tui::app::App;
use qbfix::tui::keys::KeyContext;
use qbfix::tui::render::{self, Ui};
use qbfix::tui::theme::Theme;
use qbfix::wizard::{Msg, Wizard};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// About `bytes` of note: paragraphs of ten sentences, a blank line between them.
fn note(bytes: usize) -> String {
    let sentence = "The bank feed failed again at 9:14 with Error 502 Bad Gateway on two accounts. ";
    let mut text = String::new();
    let mut n = 0;
    while text.len() < bytes {
        text.push_str(sentence);
        n += 1;
        if n % 10 == 0 {
            text.push_str("\n\n");
        }
    }
    text.truncate(bytes);
    text.trim_end().to_string()
}

/// A wizard at step 1 whose step holds `text` as its note.
fn wizard_with_note(flow: &Arc<flow::Flow>, text: &str) -> Wizard {
    let at = Timestamp::from_second(1_795_000_000).unwrap_or(Timestamp::UNIX_EPOCH);
    let session = Session::new("bench".into(), &flow.id, at, SystemFacts::default());
    let (mut w, _) = Wizard::new(flow.clone(), session);
    w.update(Msg::Note {
        text: text.to_string(),
        at,
    });
    w
}

fn draw(terminal: &mut Terminal<TestBackend>, wizard: &Wizard, app: &App) {
    let ui = Ui {
        wizard,
        app,
        resume_hint: None,
    };
    let _ = terminal.draw(|f| render::draw(f, &ui));
}

fn benches(c: &mut Criterion) {
    let flow = Arc::new(flow::default_flow().unwrap_or_else(|e| panic!("{e}")));
    let area = Rect::new(0, 0, 100, 30);
    let mut group = c.benchmark_group("note");
    group.sample_size(10);
    for (name, bytes) in [("64 KiB", 64 * 1024), ("1 MiB", 1024 * 1024)] {
        let text = note(bytes);
        let wizard = wizard_with_note(&flow, &text);

        // The editor open on the note: one character typed, one frame.
        let mut terminal =
            Terminal::new(TestBackend::new(area.width, area.height)).unwrap_or_else(|e| panic!("{e}"));
        let mut app = App::new(Theme::colored());
        app.open_note(wizard.view().note);
        draw(&mut terminal, &wizard, &app);
        group.bench_function(format!("type a character into a {name} note, draw"), |b| {
            b.iter(|| {
                app.type_text(black_box("x"));
                draw(&mut terminal, &wizard, &app);
            })
        });

        // The step showing the note: PgDn (the scroll range measured once, as the event
        // loop caches it), one frame.
        let mut app = App::new(Theme::colored());
        let now = Timestamp::UNIX_EPOCH;
        let max = {
            let ui = Ui {
                wizard: &wizard,
                app: &app,
                resume_hint: None,
            };
            render::max_scroll(&ui, area)
        };
        draw(&mut terminal, &wizard, &app);
        let page_down = KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE);
        group.bench_function(format!("PgDn on a step with a {name} note, draw"), |b| {
            b.iter(|| {
                let ctx = KeyContext::with_max_scroll(&wizard, &app, area, now, max);
                app.on_key(page_down, &ctx);
                if app.scroll >= max {
                    app.scroll = 0;
                }
                draw(&mut terminal, &wizard, &app);
            })
        });
    }
    group.finish();
}

criterion_group!(note_benches, benches);
criterion_main!(note_benches);
