//! The input parser on bytes split the ways reads split them.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::{MAX_PASTE, MAX_SEQUENCE, Parser};

/// Feeds each chunk as one read (none filling its buffer); every event, in order.
fn parse(chunks: &[&[u8]]) -> Vec<Event> {
    let mut parser = Parser::new();
    let mut events = Vec::new();
    for chunk in chunks {
        parser.advance(chunk, false, |e| events.push(e));
    }
    events
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn chars(s: &str) -> Vec<Event> {
    s.chars().map(|c| key(KeyCode::Char(c))).collect()
}

#[test]
fn plain_keys_in_one_read_are_every_one_an_event() {
    let burst = "jk".repeat(2_500) + "2";
    assert_eq!(parse(&[burst.as_bytes()]), chars(&burst));
}

#[test]
fn an_escape_sequence_split_across_reads_is_one_key() {
    assert_eq!(parse(&[b"\x1b[", b"A"]), vec![key(KeyCode::Up)]);
    assert_eq!(
        parse(&[b"\x1b[1", b";", b"5", b"A"]),
        vec![Event::Key(KeyEvent::new(KeyCode::Up, KeyModifiers::CONTROL))]
    );
    assert_eq!(parse(&[b"\x1b[", b"5~"]), vec![key(KeyCode::PageUp)]);
}

#[test]
fn a_lone_esc_at_the_end_of_a_read_is_the_esc_key() {
    assert_eq!(parse(&[b"\x1b"]), vec![key(KeyCode::Esc)]);
    assert_eq!(
        parse(&[b"j\x1b"]),
        vec![key(KeyCode::Char('j')), key(KeyCode::Esc)]
    );
}

#[test]
fn esc_then_a_sequence_in_one_read_is_one_key_not_esc_and_letters() {
    assert_eq!(parse(&[b"\x1b[A"]), vec![key(KeyCode::Up)]);
    assert_eq!(
        parse(&[b"\x1b[A\x1b[B"]),
        vec![key(KeyCode::Up), key(KeyCode::Down)]
    );
}

#[test]
fn esc_esc_is_two_esc_keys() {
    assert_eq!(parse(&[b"\x1b\x1b"]), vec![key(KeyCode::Esc), key(KeyCode::Esc)]);
    assert_eq!(parse(&[b"\x1b\x1b[A"]), vec![key(KeyCode::Esc), key(KeyCode::Up)]);
}

#[test]
fn an_esc_that_fills_the_read_waits_for_what_follows() {
    let mut parser = Parser::new();
    let mut events = Vec::new();
    parser.advance(b"\x1b", true, |e| events.push(e));
    assert!(events.is_empty(), "{events:?}");
    parser.advance(b"[B", false, |e| events.push(e));
    assert_eq!(events, vec![key(KeyCode::Down)]);
}

#[test]
fn a_utf8_character_split_across_reads_is_one_character() {
    let text = "é€😀";
    let bytes = text.as_bytes();
    // Every byte its own read.
    let reads: Vec<&[u8]> = bytes.chunks(1).collect();
    assert_eq!(parse(&reads), chars(text));
}

#[test]
fn a_bracketed_paste_split_across_reads_is_one_paste_with_its_line_breaks() {
    let text = "Error 502 Bad Gateway\r2 of my 3 bank accounts — fail\r";
    let whole = format!("\x1b[200~{text}\x1b[201~");
    let bytes = whole.as_bytes();
    // (Not after the first ESC: a lone ESC ending a read is the Esc key, as in crossterm.)
    for at in [2, 4, 6, 10, 30, bytes.len() - 6, bytes.len() - 5, bytes.len() - 1] {
        let (a, b) = bytes.split_at(at);
        assert_eq!(
            parse(&[a, b]),
            vec![Event::Paste(text.to_string())],
            "split at {at}"
        );
    }
    let reads: Vec<&[u8]> = bytes.chunks(7).collect();
    assert_eq!(parse(&reads), vec![Event::Paste(text.to_string())]);
}

#[test]
fn keys_around_a_paste_stay_keys() {
    let events = parse(&[b"n\x1b[200~2\r3\x1b[201~\r"]);
    assert_eq!(
        events,
        vec![
            key(KeyCode::Char('n')),
            Event::Paste("2\r3".to_string()),
            key(KeyCode::Enter),
        ]
    );
}

#[test]
fn a_paste_over_the_cap_keeps_its_start_and_its_rest_is_never_keys() {
    let text = "2".repeat(MAX_PASTE + 5_000);
    let whole = format!("\x1b[200~{text}\x1b[201~q");
    let events = parse(&whole.as_bytes().chunks(65_536).collect::<Vec<_>>());
    assert_eq!(events.len(), 2, "a paste and q");
    assert_eq!(events[0], Event::Paste("2".repeat(MAX_PASTE)));
    assert_eq!(events[1], key(KeyCode::Char('q')));
}

#[test]
fn junk_sequences_are_dropped_and_what_follows_is_read() {
    assert_eq!(parse(&[b"\x1b[?1;2c", b"j"]), chars("j"));
    let endless = format!("\x1b[{}", "1".repeat(MAX_SEQUENCE * 2));
    let mut parser = Parser::new();
    let mut events = Vec::new();
    parser.advance(endless.as_bytes(), false, |e| events.push(e));
    assert!(
        parser.pending() <= MAX_SEQUENCE,
        "{} bytes held",
        parser.pending()
    );
}

/// Bytes weighted toward the makings of escape sequences (ESC, `[`, `O`, `<`, digits, `;`,
/// final bytes), so the parser's sequence paths are walked, not just plain characters.
fn terminal_byte() -> impl proptest::strategy::Strategy<Value = u8> {
    use proptest::prelude::*;
    prop_oneof![
        Just(0x1b),
        Just(b'['),
        Just(b'O'),
        Just(b'<'),
        Just(b';'),
        b'0'..=b'9',
        prop::sample::select(b"~ABCDHFMmuZPQRSIc?".to_vec()),
        any::<u8>(),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Whatever a terminal (or a program posing as one) sends, split however the reads split
    /// it, the parser never panics and never holds more than one paste's worth.
    #[test]
    fn arbitrary_bytes_in_arbitrary_reads_never_panic(
        reads in proptest::collection::vec(proptest::collection::vec(terminal_byte(), 0..64), 0..24),
        full in proptest::prelude::any::<bool>(),
    ) {
        let mut parser = Parser::new();
        for read in &reads {
            parser.advance(read, full, |_| {});
        }
        proptest::prop_assert!(parser.pending() <= MAX_PASTE + 12);
    }
}
