//! The footer when short of room: the answers' keys, `n`, `r` and `y` stay (the obvious keys
//! go, then the words get shorter, then the least needed keys), on a step, scrolled or not, and
//! on the summary, at 80 and 100 columns, in helpdesk mode too; and the help overlay wraps an
//! explanation under its own column.

use qbfix::tui::app::App;
use qbfix::tui::theme::Theme;
use qbfix::wizard::Wizard;

use super::{draw, finish_checks, fix_step, healthy_http, pick};

/// A helpdesk call (a case code) at its second step after healthy checks.
fn helpdesk_step() -> Wizard {
    let mut w = super::call_wizard();
    finish_checks(&mut w, healthy_http());
    pick(&mut w, 1);
    w
}

fn footer(w: &Wizard, width: u16, height: u16) -> String {
    let text = draw(w, &App::new(Theme::monochrome()), None, width, height)
        .backend()
        .to_string();
    text.lines().last().unwrap_or_default().to_string()
}

fn assert_keeps_n_r_y(footer: &str, what: &str) {
    for key in ["n ", "r ", "y ", "q quit"] {
        assert!(
            footer.contains(&format!(" {key}")),
            "{what}: no {key:?} in the footer {footer}"
        );
    }
}

#[test]
fn the_footer_keeps_n_r_and_y_when_short_of_room() {
    let step = fix_step();
    let helpdesk = helpdesk_step();
    let mut summary = fix_step();
    while !summary.at_summary() {
        pick(&mut summary, 2);
    }
    for (width, height) in [(80, 24), (100, 30)] {
        assert_keeps_n_r_y(&footer(&step, width, height), &format!("step {width}"));
        assert_keeps_n_r_y(&footer(&helpdesk, width, height), &format!("helpdesk {width}"));
        for (w, what) in [(&step, "step"), (&helpdesk, "helpdesk")] {
            let footer = footer(w, width, height);
            assert!(footer.contains(" 1-3 answer"), "{what} {width}: {footer}");
        }
        assert_keeps_n_r_y(&footer(&summary, width, height), &format!("summary {width}"));
    }
}

/// Scrolled down a long step at 80 columns (the firewall step of a walk under HTTPS inspection),
/// the footer gains "Space more · ⇧Space up": the answers' keys stay, before `n`, `r` and `y`.
#[test]
fn a_scrolled_step_keeps_its_answer_keys_in_the_footer() {
    let step = fix_step();
    let mut app = App::new(Theme::monochrome());
    let top = draw(&step, &app, None, 80, 24).backend().to_string();
    super::press(&mut app, &step, crossterm::event::KeyCode::Char(' '));
    let text = draw(&step, &app, None, 80, 24).backend().to_string();
    assert_ne!(top.lines().nth(2), text.lines().nth(2), "Space scrolls:\n{text}");
    let footer = text.lines().last().unwrap_or_default();
    assert!(footer.contains(" 1-3 answer"), "no answer keys in {footer}");
    assert_keeps_n_r_y(footer, "scrolled step 80");
}

#[test]
fn the_help_wraps_each_explanation_under_its_own_column() {
    let w = fix_step();
    let mut app = App::new(Theme::monochrome());
    super::press(&mut app, &w, crossterm::event::KeyCode::Char('?'));
    let text = draw(&w, &app, None, 56, 30).backend().to_string();
    let rows: Vec<&str> = text.lines().collect();
    let at = rows
        .iter()
        .position(|r| r.contains("all check results"))
        .unwrap_or_else(|| panic!("no c in the help:\n{text}"));
    let column = rows[at].find("all check results").unwrap();
    let next = rows[at + 1];
    let rest = next[column..].trim_start_matches(' ');
    assert!(
        next[..column]
            .trim_matches(|c| c == ' ' || c == '│' || c == '"')
            .is_empty()
            && !rest.starts_with('│'),
        "the explanation goes on under its column:\n{}\n{}",
        rows[at],
        next
    );
}
