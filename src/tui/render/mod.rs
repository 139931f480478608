//! The views: one file per screen region, each `render(f, ui, area)` a pure function of the
//! wizard and the UI state. This file lays the regions out and picks the overlay.

pub mod card;
pub mod checks;
pub(crate) mod checks_view;
pub(crate) mod fields;
pub mod footer;
pub(crate) mod hanging;
pub(crate) mod header;
pub mod help;
pub(crate) mod jump;
pub(crate) mod script;
pub(crate) mod step;
pub(crate) mod steps_list;
pub(crate) mod summary;
pub(crate) mod this_computer;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Wrap};

use super::app::App;
use super::screen::Screen;
use super::theme::Theme;
use crate::wizard::Wizard;

/// Below this size the layout cannot show a step and its answers.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width on, the checks panel sits beside the step; below it, under the step.
pub const SIDE_BY_SIDE_WIDTH: u16 = 90;
/// Below this body height (narrow terminals) the checks panel is left out.
pub const STACK_MIN_HEIGHT: u16 = 16;

/// Everything a view may read.
#[derive(Debug, Clone, Copy)]
pub struct Ui<'a> {
    pub wizard: &'a Wizard,
    pub app: &'a App,
    /// "An unfinished session … exists" line for the header.
    pub resume_hint: Option<&'a str>,
}

/// The regions of one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regions {
    pub header: Rect,
    /// Everything between header and footer (the full checks view takes it all).
    pub body: Rect,
    /// The step (or, at the end, the summary).
    pub main: Rect,
    pub checks: Option<Rect>,
    /// Helpdesk: the call script, above the step.
    pub script: Option<Rect>,
    /// Helpdesk at 120 columns or more: every step with its answer, at the left.
    pub steps: Option<Rect>,
    pub footer: Rect,
}

/// Lays out `area`, or `None` when it is too small for anything useful.
pub fn regions(ui: &Ui, area: Rect) -> Option<Regions> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(header::height(ui)),
        Constraint::Min(0),
        Constraint::Length(footer::height(ui, area.width)),
    ])
    .areas(area);
    let (steps, rest) = if steps_list::shown(ui, body.width) {
        let [steps, rest] = Layout::horizontal([
            Constraint::Length(steps_list::width(body.width)),
            Constraint::Min(0),
        ])
        .areas(body);
        (Some(steps), rest)
    } else {
        (None, body)
    };
    let (main, checks, script) = if ui.wizard.at_summary() {
        (rest, None, None)
    } else if rest.width >= SIDE_BY_SIDE_WIDTH {
        let [left, checks] =
            Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(rest);
        let (script, main) = split_script(ui, left, (1, 2));
        (main, Some(checks), script)
    } else {
        let (script, rest) = split_script(ui, rest, (2, 5));
        if body.height >= STACK_MIN_HEIGHT {
            let height = checks::stacked_height(ui, rest, step::min_height(ui, rest.width));
            let [main, checks] =
                Layout::vertical([Constraint::Min(0), Constraint::Length(height)]).areas(rest);
            (main, Some(checks), script)
        } else {
            (rest, None, script)
        }
    };
    Some(Regions {
        header,
        body,
        main,
        checks,
        script,
        steps,
        footer,
    })
}

/// Rows below the script the step keeps at the least.
const STEP_MIN_ROWS: u16 = 6;

/// Helpdesk: the call script's panel on top of `area` and what is left under it. The panel
/// takes what the script needs, up to the `share` (numerator, denominator) of `area` — half
/// the column beside the checks, two fifths of a narrow screen that also stacks the step and
/// the checks — but always its tallest sentence, so no sentence is ever cut; left out when
/// `area` is too short for it and a step.
fn split_script(ui: &Ui, area: Rect, (num, den): (u16, u16)) -> (Option<Rect>, Rect) {
    if !script::has_script(ui) {
        return (None, area);
    }
    let (all, tallest) = script::heights(ui, area.width);
    let height = all.min((area.height.saturating_mul(num) / den).max(tallest));
    if area.height.saturating_sub(height) < STEP_MIN_ROWS {
        return (None, area);
    }
    let [script, rest] = Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(area);
    (Some(script), rest)
}

/// Draws one whole frame.
pub fn draw(f: &mut Frame, ui: &Ui) {
    let area = f.area();
    let Some(r) = regions(ui, area) else {
        too_small(f, area);
        return;
    };
    header::render(f, ui, r.header);
    if let Screen::Checks { scroll } = *ui.app.base() {
        checks_view::render(f, ui, r.body, scroll);
    } else if ui.wizard.at_summary() {
        summary::render(f, ui, r.main);
    } else {
        if let Some(steps_area) = r.steps {
            steps_list::render(f, ui, steps_area);
        }
        if let Some(script_area) = r.script {
            script::render(f, ui, script_area, ui.app.script_page);
        }
        step::render(f, ui, r.main, r.checks.is_none());
        if let Some(checks_area) = r.checks {
            checks::render(f, ui, checks_area, checks_area.width == r.body.width);
        }
    }
    footer::render(f, ui, r.footer, area);
    match &ui.app.screen {
        Screen::Help(_) => help::render(f, ui, area, area),
        Screen::Note(editor) => fields::render(f, ui, editor, area),
        Screen::Jump { selected } => jump::render(f, ui, r.body, *selected),
        Screen::Step | Screen::ConfirmQuit | Screen::Checks { .. } => {}
    }
}

/// How far the text on screen (step, summary or checks view) can scroll in a frame of `area`.
pub fn max_scroll(ui: &Ui, area: Rect) -> u16 {
    match regions(ui, area) {
        Some(r) if matches!(ui.app.base(), Screen::Checks { .. }) => checks_view::max_scroll(ui, r.body),
        Some(r) if ui.wizard.at_summary() => summary::max_scroll(ui, r.main),
        Some(r) => step::max_scroll(ui, r.main),
        None => 0,
    }
}

fn too_small(f: &mut Frame, area: Rect) {
    let text = vec![
        Line::from("Please enlarge the window"),
        Line::from(format!("(at least {MIN_WIDTH}×{MIN_HEIGHT})")),
    ];
    let height = 2.min(area.height);
    let [middle] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    f.render_widget(
        Paragraph::new(text)
            .centered()
            .wrap(Wrap { trim: true })
            .style(ui_theme_bold()),
        middle,
    );
}

fn ui_theme_bold() -> ratatui::style::Style {
    ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::BOLD)
}

/// A rectangle of at most `width`×`height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// Rows `lines` take when wrapped into `width` columns.
pub fn wrapped_height(lines: &[Line<'_>], width: u16) -> u16 {
    let count = Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: false })
        .line_count(width);
    u16::try_from(count).unwrap_or(u16::MAX)
}

/// A bordered, padded panel with a titled top border (checks, summary).
pub fn panel(theme: Theme, title: impl Into<std::borrow::Cow<'static, str>>) -> Block<'static> {
    Block::bordered()
        .padding(Padding::horizontal(1))
        .border_style(theme.border())
        .title(Line::from(vec![
            Span::raw(" "),
            Span::styled(title, theme.title()),
            Span::raw(" "),
        ]))
}

/// The bottom-border hint of a scrollable panel scrolled to `scroll` of `max`, if it scrolls.
pub fn scroll_hint(scroll: u16, max: u16) -> Option<&'static str> {
    match (scroll > 0, scroll < max) {
        (true, true) => Some(" PgUp ↑  PgDn ↓ "),
        (true, false) => Some(" PgUp ↑ "),
        (false, true) => Some(" PgDn more ↓ "),
        (false, false) => None,
    }
}

/// Draws `lines` in `block`, scrolled to `scroll` of `max`, with the scroll hint on the border.
pub fn scrolled(
    f: &mut Frame,
    ui: &Ui,
    area: Rect,
    mut block: Block<'_>,
    lines: Vec<Line<'_>>,
    scroll: u16,
    max: u16,
) {
    if let Some(more) = scroll_hint(scroll, max) {
        block = block.title_bottom(Line::styled(more, ui.app.theme.key()).right_aligned());
    }
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .block(block),
        area,
    );
}
