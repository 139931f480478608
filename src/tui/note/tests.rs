//! Tests of the note editor's rows: chunks of a long line, the rows around the cursor, the
//! popup's top kept, and Up/Down by the rows drawn.

use super::*;

fn shown(editor: &NoteEditor, width: u16, height: u16) -> Vec<String> {
    let layout = editor.layout(width, height);
    layout
        .rows
        .iter()
        .map(|r| editor.lines()[r.line][r.start..r.end].to_string())
        .collect()
}

#[test]
fn chunks_tile_a_long_line_and_end_after_a_space() {
    let line = "word ".repeat(3_000);
    let mut at = 0;
    while at < line.len() {
        let chunk = chunk_at(&line, at);
        assert_eq!(chunk.start, at);
        assert!(chunk.end - chunk.start <= CHUNK + SPACE_WITHIN);
        assert!(chunk.end == line.len() || line[..chunk.end].ends_with(' '));
        assert_eq!(chunk_at(&line, chunk.end - 1), chunk);
        at = chunk.end;
    }
    // No space near: cut at a character boundary.
    let line = "é".repeat(5_000);
    let chunk = chunk_at(&line, 0);
    assert!(line.is_char_boundary(chunk.end) && chunk.end > CHUNK - 2);
}

#[test]
fn the_rows_drawn_are_those_around_the_cursor_and_stay_still_while_it_moves() {
    let text: Vec<String> = (0..50).map(|i| format!("line {i} of the note")).collect();
    let mut editor = NoteEditor::new(text);
    // The cursor at the end: the last rows, the cursor on the bottom one.
    assert_eq!(
        shown(&editor, 30, 3),
        [
            "line 47 of the note",
            "line 48 of the note",
            "line 49 of the note"
        ]
    );
    assert_eq!(editor.layout(30, 3).cursor_row, 2);
    editor.move_rows(-1, false);
    assert_eq!(editor.cursor(), (48, 19));
    assert_eq!(
        shown(&editor, 30, 3)[2],
        "line 49 of the note",
        "the text does not jump"
    );
    assert_eq!(editor.layout(30, 3).cursor_row, 1);
    editor.move_rows(-5, false);
    assert_eq!(editor.cursor().0, 43);
    assert_eq!(editor.layout(30, 3).cursor_row, 0, "scrolled up with the cursor");
    assert_eq!(
        shown(&editor, 30, 3),
        [
            "line 43 of the note",
            "line 44 of the note",
            "line 45 of the note"
        ]
    );
    editor.move_rows(2, false);
    assert_eq!(editor.layout(30, 3).cursor_row, 2, "still from line 43");
    editor.move_rows(1, false);
    assert_eq!(
        shown(&editor, 30, 3)[2],
        "line 46 of the note",
        "scrolled down with it"
    );
    // At the top, Up does nothing.
    editor.move_rows(-100, false);
    assert_eq!(editor.cursor().0, 0);
    editor.move_rows(-1, false);
    assert_eq!(editor.cursor().0, 0);
}

#[test]
fn up_and_down_move_by_the_rows_of_a_wrapped_line_keeping_the_column() {
    let line = "alpha beta gamma delta epsilon zeta eta theta".to_string();
    let mut editor = NoteEditor::new(vec!["first".into(), line]);
    // Width 12: "alpha beta ", "gamma delta ", "epsilon ", "zeta eta ", "theta".
    assert_eq!(
        shown(&editor, 12, 6),
        [
            "first",
            "alpha beta ",
            "gamma delta ",
            "epsilon ",
            "zeta eta ",
            "theta"
        ]
    );
    // From the end of "theta" (column 5) up to "zeta eta " at column 5.
    editor.move_rows(-1, false);
    assert_eq!(editor.cursor(), (1, 31 + 5), "in \"zeta eta \"");
    editor.move_rows(-1, false);
    assert_eq!(editor.cursor(), (1, 23 + 5), "in \"epsilon \"");
    editor.move_rows(-3, false);
    assert_eq!(editor.cursor(), (0, 5), "up to the line before, at its end");
    editor.move_rows(1, true);
    assert_eq!(editor.cursor(), (1, 5));
    assert!(editor.selection_range().is_some(), "Shift selects");
}

#[test]
fn the_end_of_a_long_line_is_drawn_without_wrapping_the_rest() {
    let line = "w ".repeat(200_000) + "THE-END";
    let editor = NoteEditor::new(vec![line]);
    let before = wrap::wrapped_bytes();
    let rows = shown(&editor, 60, 6);
    assert!(rows.last().unwrap().ends_with("THE-END"), "{rows:?}");
    assert!(wrap::wrapped_bytes() - before <= 3 * (CHUNK + SPACE_WITHIN) as u64);
}
