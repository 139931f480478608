//! The "whose problem is it" card and the verdict under it, as lines for the checks panel and
//! the full checks view: the side's symbol and name (in its colour, bold), the "do this now"
//! line, then the verdict's title and advice.

use ratatui::text::{Line, Span};

use super::{Ui, hanging};
use crate::tui::theme::Theme;
use crate::wizard::Card;

/// The "whose problem is it" card: symbol and who (in the side's colour, bold), then the
/// "do this now" line; nothing before the first run ends.
pub fn card_lines(ui: &Ui, width: u16) -> Vec<Line<'static>> {
    ui.wizard
        .card()
        .map(|card| card_of(ui.app.theme, card, width))
        .unwrap_or_default()
}

/// One card's lines, wrapped into `width` columns.
pub fn card_of(theme: Theme, card: Card, width: u16) -> Vec<Line<'static>> {
    let mut lines = hanging::hanging(Line::styled(card.headline, theme.card(card.who)), 2, width);
    if let Some(now) = card.do_now {
        lines.extend(hanging::hanging(
            Line::from(vec![Span::raw("  "), Span::styled(now, theme.bold())]),
            2,
            width,
        ));
    }
    lines
}

/// The verdict: the card, what it means, then the title and advice under it.
pub fn verdict_lines(ui: &Ui, width: u16) -> Vec<Line<'static>> {
    let theme = ui.app.theme;
    let Some(verdict) = ui.wizard.verdict() else {
        return Vec::new();
    };
    let mut lines = card_lines(ui, width);
    lines.push(Line::raw(""));
    let title = Line::from(vec![
        Span::raw("  "),
        Span::styled(verdict.title.clone(), theme.bold()),
    ]);
    let advice = Line::from(vec![Span::raw("  "), Span::raw(verdict.advice.clone())]);
    lines.extend(hanging::hanging(title, 2, width));
    lines.extend(hanging::hanging(advice, 2, width));
    lines
}
