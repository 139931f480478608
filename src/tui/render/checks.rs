//! The checks panel: a spinner while checks run (naming those still running after 1.5 s), one
//! line per result (✓ ! ✗, its plain summary, how long it took), then the verdict in plain words
//! ([`super::card`]). A step without checks of its own shows the whole run, so the panel is never empty.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::card::{card_lines, verdict_lines};
use super::{Ui, hanging, wrapped_height};
use crate::evidence::{CheckResult, Status};
use crate::session::{ImportSource, Origin};
use crate::tui::keys;

/// Spinner frames (braille dots).
const SPINNER: &[&str] = &["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// The results this panel lists: the step's own, or all of them when the step has none; in
/// registry order, so they do not move about as checks finish.
fn results<'a>(ui: &Ui<'a>) -> Vec<&'a CheckResult> {
    let view = ui.wizard.view();
    let mut shown = if view.results.is_empty() && view.pending.is_empty() {
        ui.wizard.session().checks.iter().collect()
    } else {
        view.results
    };
    shown.sort_by_key(|r| crate::evidence::catalog::order(&r.id));
    shown
}

/// Human labels of the checks still running.
fn waiting_on(ui: &Ui) -> String {
    let labels: Vec<&str> = ui
        .wizard
        .pending()
        .iter()
        .map(|id| crate::evidence::catalog::label(id))
        .collect();
    labels.join(", ")
}

/// One result as a line: symbol, summary, and the duration unless the summary names a time.
pub fn result_line<'a>(ui: &Ui, r: &'a CheckResult) -> Line<'a> {
    let theme = ui.app.theme;
    let mut spans = vec![
        Span::styled(r.status.symbol(), theme.status(r.status)),
        Span::raw(" "),
        Span::raw(r.summary.as_str()),
    ];
    if let Some(ms) = r.timed_ms().filter(|_| !names_a_time(&r.summary)) {
        spans.push(Span::styled(format!(" · {ms}\u{a0}ms"), theme.dim()));
    }
    Line::from(spans)
}

/// One result wrapped into `width` columns, its later rows under the summary's text.
pub fn result_lines(ui: &Ui, r: &CheckResult, width: u16) -> Vec<Line<'static>> {
    let indent = Span::raw(r.status.symbol()).width() + 1;
    hanging::hanging(result_line(ui, r), indent, width)
}

/// "… answered in 41 ms" already says how long it took.
fn names_a_time(summary: &str) -> bool {
    summary
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| {
            w[0].chars().any(|c| c.is_ascii_digit())
                && matches!(w[1].trim_end_matches([',', '.', ';', ')']), "ms" | "s")
        })
}

/// The spinner while checks run, and after a while what they wait for.
pub fn running_lines(ui: &Ui, width: u16) -> Vec<Line<'static>> {
    let theme = ui.app.theme;
    let mut lines = Vec::new();
    // In a call a run is this computer's: said under its own title, not over the customer's.
    if ui.wizard.pending().is_empty() || ui.wizard.session().customer.is_some() {
        return lines;
    }
    let frame = SPINNER[ui.app.spinner % SPINNER.len()];
    lines.push(Line::from(vec![
        Span::styled(frame, theme.key()),
        Span::raw(" Checking your connection…"),
    ]));
    if ui.app.waiting_long() {
        let line = Line::styled(format!("Still waiting on: {}", waiting_on(ui)), theme.dim());
        lines.extend(hanging::hanging(line, 0, width));
    }
    lines
}

/// The one-line tally: "3 ✓  1 ✗ · c all results".
pub fn tally_line(ui: &Ui) -> Line<'static> {
    let theme = ui.app.theme;
    let mut spans = theme.tally(&ui.wizard.session().checks);
    let hint = keys::show_checks(false);
    spans.push(Span::styled(hint.keys, theme.key()));
    spans.push(Span::raw(format!(" {}", hint.does)));
    Line::from(spans)
}

/// The panel when it sits under the step: what is running and the card only (the tally is
/// on its bottom border), and in a call this computer's verdict and tally.
fn short_lines(ui: &Ui, width: u16) -> Vec<Line<'static>> {
    let mut lines = running_lines(ui, width);
    lines.extend(card_lines(ui, width));
    if lines.is_empty() {
        lines.push(Line::styled("No check results yet.", ui.app.theme.dim()));
    }
    lines.extend(super::this_computer::short(ui, width));
    origin_line(ui, width).into_iter().chain(lines).collect()
}

/// The panel's lines, wrapped into `width`: what is running, the verdict — the sentence a
/// person most needs, so it comes first and is never pushed out — then one line per result;
/// in a call, this computer's results apart under their own title.
fn lines(ui: &Ui, width: u16) -> Vec<Line<'static>> {
    let theme = ui.app.theme;
    let mut lines: Vec<Line<'static>> = origin_line(ui, width).into_iter().collect();
    lines.extend(running_lines(ui, width));
    lines.extend(verdict_lines(ui, width));
    let shown = results(ui);
    if !lines.is_empty() && !shown.is_empty() {
        lines.push(Line::raw(""));
    }
    for r in &shown {
        lines.extend(result_lines(ui, r, width));
    }
    if ui.wizard.pending().is_empty() && shown.is_empty() {
        lines.push(Line::styled("No check results for this step.", theme.dim()));
    }
    // The agent's own run in short (its verdict and a tally): `c` shows every result.
    lines.extend(super::this_computer::short(ui, width));
    lines
}

/// The customer's results' origin: "result code", "check file" or "session file", and the
/// time the customer's checks ran (else when they were imported), local.
fn origin(ui: &Ui) -> Option<(&'static str, String)> {
    let session = ui.wizard.session();
    let customer = session.customer.as_ref()?;
    let at = session
        .check_runs
        .iter()
        .rev()
        .find(|r| r.from != Some(Origin::ThisComputer))
        .map_or(customer.imported_at, |r| r.started_at)
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%H:%M")
        .to_string();
    let what = match customer.source {
        ImportSource::ResultCode => "result code",
        other => other.short(),
    };
    Some((what, at))
}

/// The full title of an imported session's panel, "The customer's results (from code at
/// 11:06)", when it fits in `inner` columns (the title's row is the inner width wide).
fn long_title(ui: &Ui, inner: u16) -> Option<String> {
    let session = ui.wizard.session();
    let (_, at) = origin(ui)?;
    let short = session.customer.as_ref()?.source.short();
    let title = format!("{CUSTOMERS} (from {short} at {at})");
    (Span::raw(title.as_str()).width() <= usize::from(inner)).then_some(title)
}

/// Whose results they are: the customer's, not this computer's.
const CUSTOMERS: &str = "The customer's results";

/// When the full title does not fit in `inner` columns: where the results came from and
/// when, as the panel's first line under the short title.
fn origin_line(ui: &Ui, inner: u16) -> Option<Line<'static>> {
    if long_title(ui, inner).is_some() {
        return None;
    }
    let (what, at) = origin(ui)?;
    Some(Line::styled(
        format!("From their {what}, at {at}"),
        ui.app.theme.dim(),
    ))
}

fn block(ui: &Ui, inner: u16) -> Block<'static> {
    match (&ui.wizard.session().customer, long_title(ui, inner)) {
        (Some(_), Some(title)) => super::panel(ui.app.theme, title),
        (Some(_), None) => super::panel(ui.app.theme, CUSTOMERS),
        (None, _) => super::panel(ui.app.theme, "Checks"),
    }
}

/// Columns inside the panel when it is `width` wide.
fn inner_width(width: u16) -> u16 {
    width.saturating_sub(4)
}

fn rows(lines: &[Line<'_>], width: u16) -> u16 {
    wrapped_height(lines, width)
}

/// The panel's height under the step in a `body` too narrow to put it beside: the step text
/// and its answers come first, so the panel shrinks to the card and the tally (`c` shows
/// everything), and never takes the step's answers (`step_rows`).
pub fn stacked_height(ui: &Ui, body: Rect, step_rows: u16) -> u16 {
    let inner = inner_width(body.width);
    let needed = rows(&short_lines(ui, inner), inner).saturating_add(2);
    let room = body.height.saturating_sub(step_rows);
    needed.min(room).max(3.min(room))
}

/// Draws the panel: all of it beside the step, the short form under it.
pub fn render(f: &mut Frame, ui: &Ui, area: Rect, stacked: bool) {
    let theme = ui.app.theme;
    let mut block = block(ui, inner_width(area.width));
    let inner = block.inner(area);
    let lines = if stacked {
        short_lines(ui, inner.width)
    } else {
        lines(ui, inner.width)
    };
    if stacked {
        let mut tally = tally_line(ui);
        tally.spans.insert(0, Span::raw(" "));
        tally.spans.push(Span::raw(" "));
        block = block.title_bottom(tally.right_aligned());
    } else if rows(&lines, inner.width) > inner.height {
        // Cut short: say which key shows the rest.
        let hint = keys::show_checks(false);
        block = block.title_bottom(
            Line::from(vec![
                Span::raw(" more: "),
                Span::styled(hint.keys, theme.key()),
                Span::raw(" "),
                Span::raw(hint.does),
                Span::raw(" "),
            ])
            .right_aligned(),
        );
    }
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(block),
        area,
    );
}

/// A one-line status for when the panel does not fit: "Checks: 2✓ 1! · ☁ Whose problem:
/// Intuit", the card only when the whole line fits in `room` columns.
pub fn compact<'a>(ui: &Ui<'a>, room: u16) -> Line<'a> {
    let theme = ui.app.theme;
    if !ui.wizard.pending().is_empty() {
        let frame = SPINNER[ui.app.spinner % SPINNER.len()];
        return Line::from(vec![
            Span::raw(" "),
            Span::styled(frame, theme.key()),
            Span::raw(" checking… "),
        ]);
    }
    let shown = results(ui);
    let mut spans = vec![Span::raw(" Checks:")];
    for status in [Status::Pass, Status::Warn, Status::Fail] {
        let n = shown
            .iter()
            .filter(|r| r.status.symbol() == status.symbol())
            .count();
        if n > 0 {
            spans.push(Span::raw(format!(" {n}")));
            spans.push(Span::styled(status.symbol(), theme.status(status)));
        }
    }
    if let Some(card) = ui.wizard.card() {
        let title = [
            Span::raw(" · "),
            Span::styled(card.headline, theme.card(card.who)),
        ];
        let title_width: usize = title.iter().map(Span::width).sum();
        let fits = |spans: &[Span<'_>]| Line::from(spans.to_vec()).width() + title_width < usize::from(room);
        if !fits(&spans) {
            // The title matters more than the word "Checks:".
            spans[0] = Span::raw("");
        }
        if fits(&spans) {
            spans.extend(title);
        } else {
            spans[0] = Span::raw(" Checks:");
        }
    }
    spans.push(Span::raw(" "));
    Line::from(spans)
}
