//! The header: the app's name, the helpdesk case code, "Step 4 of 10" with a progress bar, and
//! the one-line hint about an unfinished session.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph};

use super::Ui;

/// Rows the header takes.
pub fn height(ui: &Ui) -> u16 {
    if ui.resume_hint.is_some() { 2 } else { 1 }
}

pub fn render(f: &mut Frame, ui: &Ui, area: Rect) {
    let theme = ui.app.theme;
    let [top, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(area.height.saturating_sub(1)),
    ])
    .areas(area);

    // With a case code on a narrow screen the app's name shrinks, so "Case QB-…" never runs
    // into "Step N of M".
    let case = ui.wizard.session().case_code.as_ref();
    let title = if case.is_some() && area.width < 100 {
        " qbfix"
    } else {
        " qbfix · QuickBooks Online 502"
    };
    let mut name = vec![Span::styled(title, theme.title())];
    if let Some(code) = case {
        name.push(Span::raw("   "));
        name.push(Span::styled(format!("Case {code}"), theme.notice()));
    }
    let name = Line::from(name);

    let view = ui.wizard.view();
    let label = if ui.wizard.at_summary() {
        "Summary".to_string()
    } else {
        format!("Step {} of {}", view.number, view.total)
    };
    let ratio = if view.total == 0 {
        0.0
    } else {
        (view.number as f64 / view.total as f64).clamp(0.0, 1.0)
    };
    // The bar only where there is room; the step count always.
    let bar_width = if top.width >= 70 { 15 } else { 0 };
    let right_width = (label.chars().count() as u16 + 2 + bar_width).min(top.width / 2);
    let [left, right] = Layout::horizontal([Constraint::Min(0), Constraint::Length(right_width)]).areas(top);
    f.render_widget(Paragraph::new(name), left);
    if bar_width > 0 {
        let gauge = LineGauge::default()
            .label(Span::styled(label, theme.bold()))
            .ratio(ratio)
            .filled_symbol("█")
            .unfilled_symbol("░")
            .filled_style(theme.progress())
            .unfilled_style(theme.dim());
        f.render_widget(gauge, right);
    } else {
        f.render_widget(
            Paragraph::new(Span::styled(label, theme.bold())).right_aligned(),
            right,
        );
    }

    if let Some(text) = ui.resume_hint {
        let line = Line::from(vec![Span::raw(" "), Span::styled(text, theme.dim())]);
        f.render_widget(Paragraph::new(line), hint);
    }
}
