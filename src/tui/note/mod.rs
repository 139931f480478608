//! The note editor's text and the rows it shows. ratatui-textarea keeps the text and does the
//! editing (typing, deleting, words, undo, selection) with its own wrapping off, as its wrapping
//! lays out the whole text again after every key. The rows on screen are laid out here, around
//! the cursor only: a line is cut into chunks of about [`CHUNK`] bytes (after a space where
//! there is one near), and only the chunks that hold the rows on screen are wrapped: what a key
//! costs in wrapping does not grow with the note (the text area still makes a few quick passes
//! over the edited line, without wrapping it). Up/Down (and PgUp/PgDn) move by the
//! rows drawn; the popup's top row is kept from frame to frame, so the text stays still while
//! the cursor moves within the popup, and scrolls when it leaves it.

use std::cell::Cell;
use std::ops::{Deref, DerefMut, Range};

use ratatui_textarea::{CursorMove, TextArea};

use crate::text::wrap;

/// About how many bytes of a line are wrapped as one piece.
pub const CHUNK: usize = 4096;
/// How far past [`CHUNK`] a chunk may reach to end after a space.
const SPACE_WITHIN: usize = 64;

/// One row on screen: a byte range of one line of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

/// The rows of the popup, and where the cursor is among them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub rows: Vec<Row>,
    /// The index in `rows` of the cursor's row, and the cursor's byte in its line.
    pub cursor_row: usize,
    pub cursor_byte: usize,
}

/// The note being typed.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    text: TextArea<'static>,
    /// Where the popup's top row started last time (line, byte).
    top: Cell<Option<(usize, usize)>>,
    /// The size of the text area last drawn (Up/Down move in rows of that width).
    size: Cell<(u16, u16)>,
}

impl Deref for NoteEditor {
    type Target = TextArea<'static>;
    fn deref(&self) -> &TextArea<'static> {
        &self.text
    }
}

impl DerefMut for NoteEditor {
    fn deref_mut(&mut self) -> &mut TextArea<'static> {
        &mut self.text
    }
}

/// The chunk of `line` that holds byte `at` (its last chunk for `at == line.len()`).
fn chunk_at(line: &str, at: usize) -> Range<usize> {
    let mut start = 0;
    loop {
        let end = chunk_end(line, start);
        if at < end || end == line.len() {
            return start..end;
        }
        start = end;
    }
}

/// Where the chunk of `line` starting at `start` ends.
fn chunk_end(line: &str, start: usize) -> usize {
    let mut end = start + CHUNK;
    if end >= line.len() {
        return line.len();
    }
    while !line.is_char_boundary(end) {
        end += 1;
    }
    let near = &line.as_bytes()[end..line.len().min(end + SPACE_WITHIN)];
    match near.iter().position(|b| *b == b' ') {
        Some(i) => end + i + 1,
        None => end,
    }
}

impl NoteEditor {
    /// An editor holding `lines`, the cursor at the end.
    pub fn new(lines: Vec<String>) -> NoteEditor {
        let mut text = TextArea::new(lines);
        text.move_cursor(CursorMove::Bottom);
        text.move_cursor(CursorMove::End);
        NoteEditor {
            text,
            top: Cell::new(None),
            size: Cell::new((68, 6)),
        }
    }

    /// The rows of one chunk of line `line`, wrapped to `width` columns.
    fn rows_of(&self, line: usize, chunk: Range<usize>, width: u16) -> Vec<Row> {
        let text = &self.text.lines()[line][chunk.clone()];
        wrap::greedy(text, usize::from(width))
            .into_iter()
            .map(|r| Row {
                line,
                start: chunk.start + r.start,
                end: chunk.start + r.end,
            })
            .collect()
    }

    /// The chunk before `row`'s chunk (`line`, byte range), if any.
    fn chunk_before(&self, line: usize, start: usize) -> Option<(usize, Range<usize>)> {
        let lines = self.text.lines();
        if start > 0 {
            return Some((line, chunk_at(&lines[line], start - 1)));
        }
        let prev = line.checked_sub(1)?;
        Some((prev, chunk_at(&lines[prev], lines[prev].len())))
    }

    /// The chunk after the one ending at `end` of `line`, if any.
    fn chunk_after(&self, line: usize, end: usize) -> Option<(usize, Range<usize>)> {
        let lines = self.text.lines();
        if end < lines[line].len() {
            return Some((line, end..chunk_end(&lines[line], end)));
        }
        let next = line + 1;
        (next < lines.len()).then(|| (next, 0..chunk_end(&lines[next], 0)))
    }

    /// The cursor's line and byte in it.
    fn cursor_byte(&self) -> (usize, usize) {
        let (row, col) = (self.text.cursor().0, self.text.cursor().1);
        let line = &self.text.lines()[row];
        (row, line.char_indices().nth(col).map_or(line.len(), |(i, _)| i))
    }

    /// Up to `above` rows before the cursor's row and `below` after it (nearest first on
    /// each side), the cursor's row, and its byte.
    fn around(&self, width: u16, above: usize, below: usize) -> (Vec<Row>, Row, Vec<Row>, usize) {
        let (line, at) = self.cursor_byte();
        let chunk = chunk_at(&self.text.lines()[line], at);
        let rows = self.rows_of(line, chunk.clone(), width);
        let k = rows.iter().rposition(|r| r.start <= at).unwrap_or(0);
        let mut before: Vec<Row> = rows[..k].iter().rev().copied().collect();
        let mut after: Vec<Row> = rows[k + 1..].to_vec();
        let mut first = (line, chunk.start);
        while before.len() < above {
            let Some((l, c)) = self.chunk_before(first.0, first.1) else {
                break;
            };
            first = (l, c.start);
            before.extend(self.rows_of(l, c, width).into_iter().rev());
        }
        let mut last = (line, chunk.end);
        while after.len() < below {
            let Some((l, c)) = self.chunk_after(last.0, last.1) else {
                break;
            };
            last = (l, c.end);
            after.extend(self.rows_of(l, c, width));
        }
        before.truncate(above);
        after.truncate(below);
        (before, rows[k], after, at)
    }

    /// How many rows the popup showed last (a page for PgUp/PgDn).
    pub fn rows_shown(&self) -> u16 {
        self.size.get().1
    }

    /// The rows to draw in `width`×`height`: from the same top row as last time while the
    /// cursor's row is among them; else scrolled just enough to show it (the popup filled
    /// to its last row when the text allows).
    pub fn layout(&self, width: u16, height: u16) -> Layout {
        self.size.set((width, height));
        let h = usize::from(height.max(1));
        let (before, row, after, at) = self.around(width, h - 1, h - 1);
        let here = (row.line, row.start);
        let mut top = match self.top.get() {
            // The cursor went above the top row (or is on it): it is the top row now.
            Some(top) if top >= here => 0,
            // The top row is still above it, within the popup.
            Some(top) => before
                .iter()
                .position(|r| (r.line, r.start) <= top)
                .map_or(h - 1, |k| k + 1),
            None => h - 1,
        }
        .min(before.len())
        .min(h - 1);
        if after.len() < h - 1 - top {
            top = before.len().min(h - 1 - after.len());
        }
        let mut rows: Vec<Row> = before[..top].iter().rev().copied().collect();
        rows.push(row);
        rows.extend(after.into_iter().take(h - 1 - top));
        self.top.set(rows.first().map(|r| (r.line, r.start)));
        Layout {
            rows,
            cursor_row: top,
            cursor_byte: at,
        }
    }

    /// Moves the cursor `rows` rows up (negative) or down, to the same column where the row
    /// has one; `select` extends the selection.
    pub fn move_rows(&mut self, rows: i32, select: bool) {
        if select && self.text.selection_range().is_none() {
            self.text.start_selection();
        } else if !select {
            self.text.cancel_selection();
        }
        for _ in 0..rows.unsigned_abs() {
            if !self.move_one_row(rows < 0) {
                break;
            }
        }
    }

    /// One row up or down; false at the first or last row.
    fn move_one_row(&mut self, up: bool) -> bool {
        let (width, _) = self.size.get();
        let (before, row, after, at) = self.around(width, usize::from(up), usize::from(!up));
        let Some(target) = (if up { before.first() } else { after.first() }).copied() else {
            return false;
        };
        let lines = self.text.lines();
        let column = wrap::width(&lines[row.line][row.start..at]);
        // The byte in the target row at that column; not past its end unless the row ends
        // its line (its end is where the next row starts).
        let text = &lines[target.line][target.start..target.end];
        let ends_line = target.end == lines[target.line].len();
        let mut byte = target.start;
        let mut used = 0;
        for (i, c) in text.char_indices() {
            let w = wrap::width(c.encode_utf8(&mut [0; 4]));
            if used + w > column {
                break;
            }
            used += w;
            byte = target.start + i + c.len_utf8();
        }
        if !ends_line && byte == target.end {
            byte = text
                .char_indices()
                .last()
                .map_or(target.start, |(i, _)| target.start + i);
        }
        // One jump where the position fits the text area's (u16) jump; else step by step
        // (each step costs the text area a pass over the line: only past 65,535 characters).
        let col = lines[target.line][..byte].chars().count();
        if let (Ok(r), Ok(c)) = (u16::try_from(target.line), u16::try_from(col)) {
            self.text.move_cursor(CursorMove::Jump(r, c));
            return true;
        }
        let steps = if up {
            chars_between(lines, (target.line, byte), (row.line, at))
        } else {
            chars_between(lines, (row.line, at), (target.line, byte))
        };
        let step = if up { CursorMove::Back } else { CursorMove::Forward };
        for _ in 0..steps {
            self.text.move_cursor(step);
        }
        true
    }
}

/// Cursor steps from `from` to `to` (line, byte), `from` first: on one line or adjacent ones.
fn chars_between(lines: &[String], from: (usize, usize), to: (usize, usize)) -> usize {
    if from.0 == to.0 {
        return lines[from.0][from.1..to.1].chars().count();
    }
    lines[from.0][from.1..].chars().count() + 1 + lines[to.0][..to.1].chars().count()
}

#[cfg(test)]
mod tests;
