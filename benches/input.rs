//! The input benchmark of issue 11 (not a test: nothing here asserts a time). The real binary
//! in a pty (`tests/it/support/pty.rs`), loopback stand-ins for every target; each measure is the
//! wall time from the one write of the input to the screen showing it acted on, with nothing
//! typed after it (median of 5 runs): a 100 KB bracketed paste into the note editor until its
//! last word is on screen, and a burst of 5,000 `j`/`k` plus `2` until the next step shows. A
//! run that shows nothing within the pty helper's deadline is reported as never. Run with
//! `cargo bench --bench input` (the binary of the same profile is the one measured).

#[cfg(unix)]
#[path = "../tests/it/support/mod.rs"]
#[allow(dead_code, unused_imports)]
mod support;

#[cfg(unix)]
fn main() {
    use std::time::{Duration, Instant};

    use support::pty::Tui;

    const RUNS: usize = 5;

    /// The time `input` takes to show `shown`, or `None` when it never does.
    fn measure(setup: &str, input: Vec<u8>, shown: &str) -> Option<Duration> {
        let mut tui = Tui::start();
        tui.wait_for("Step 1 of 10");
        match setup {
            "note" => {
                tui.keys("n");
                tui.wait_for("Note for:");
            }
            _ => {
                tui.keys("1");
                tui.wait_for("Step 2 of 10");
            }
        }
        let start = Instant::now();
        tui.write_in_background(input);
        let seen = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| tui.wait_for(shown)));
        let took = start.elapsed();
        seen.ok().map(|_| took)
    }

    fn report(name: &str, setup: &str, input: &[u8], shown: &str) {
        let mut times: Vec<Option<Duration>> =
            (0..RUNS).map(|_| measure(setup, input.to_vec(), shown)).collect();
        times.sort();
        let never = times.iter().filter(|t| t.is_none()).count();
        let median = times[(RUNS - 1) / 2];
        let median = median.map_or_else(|| "never".to_string(), |t| format!("{} ms", t.as_millis()));
        println!("| {name} | {median} | {never} of {RUNS} runs never acted on |");
    }

    // Quiet: a run that never shows its input panics inside the pty helper, which is the result.
    std::panic::set_hook(Box::new(|_| {}));
    let text: String = (0..9_000).map(|i| format!("é{i}—ü ")).collect::<String>() + "THE-END";
    let paste = format!("\x1b[200~{text}\x1b[201~").into_bytes();
    let mut burst = "jk".repeat(2_500).into_bytes();
    burst.push(b'2');
    println!("| input, one write | median of {RUNS} | |");
    println!("|---|---|---|");
    report(
        &format!("paste {} KB into the note", paste.len() / 1000),
        "note",
        &paste,
        "THE-END",
    );
    report("5,000 `j`/`k` then `2`", "step", &burst, "Step 3 of 10");
}

#[cfg(not(unix))]
fn main() {}
