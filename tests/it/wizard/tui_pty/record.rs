//! Finished means finished, in a real terminal: on the summary `b` then `1` (which once
//! turned a finished session "resolved") change nothing in the session, `n` appends a closing
//! note (and the saved report is written again), and `r` after an outage ended shows the new
//! result beside the record, never in it.

use crate::support::pty::Tui;
use crate::support::{Env, World};

fn session_file(tui: &Tui) -> std::path::PathBuf {
    let id = tui.session()["id"].as_str().unwrap().to_string();
    tui.env.data_dir().join("sessions").join(format!("{id}.json"))
}

#[test]
fn b_then_1_on_the_summary_change_nothing_and_n_appends_a_closing_note() {
    let env = Env::new();
    let documents = env.documents("Documents");
    let mut tui = Tui::start_in(env, &[]);
    tui.walk_every_step_answering_no();
    tui.wait_for("Handed to QuickBooks support");
    let before = tui.session();
    let footer = tui.contents().lines().last().unwrap_or_default().to_string();
    assert!(!footer.contains("back"), "{footer}");
    // `b` then `1` (once: back to the support step, then "Yes, it works now"), then a note.
    tui.keys("b");
    tui.keys("1");
    tui.keys("n");
    tui.wait_for("Closing note");
    tui.keys("called back at noon");
    tui.wait_for("called back at noon");
    tui.keys("\r");
    tui.wait_for("Closing note, ");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    let mut after = tui.session();
    let notes = after["closing_notes"].as_array().expect("a closing note").clone();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["text"], "called back at noon");
    after.as_object_mut().unwrap().remove("closing_notes");
    assert_eq!(after, before, "nothing else in the session changed");
    // The saved report was written again with the note, and still says what it said.
    let id = before["id"].as_str().unwrap();
    let html = std::fs::read_to_string(documents.join(format!("qbfix/{id}.html"))).unwrap();
    assert!(html.contains("called back at noon"), "{html}");
    assert!(html.contains("Handed to QuickBooks support"), "{html}");
}

#[test]
fn r_after_an_outage_ended_shows_beside_the_record_and_saves_nothing() {
    let world = World::new();
    let (setup, [qbo_back, status_back]) = world.outage_until_flipped();
    world.write_config(&setup);
    let env = Env { world };
    let documents = env.documents("Documents");
    let mut tui = Tui::start_in(env, &[]);
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.wait_for("I'll wait");
    tui.keys("4");
    tui.wait_for("Not resolved yet");
    let file = session_file(&tui);
    let before = std::fs::read(&file).unwrap();
    let id = tui.session()["id"].as_str().unwrap().to_string();
    let json_report = documents.join(format!("qbfix/{id}.json"));
    let report = std::fs::read(&json_report).unwrap();
    // Intuit is back.
    qbo_back.flip();
    status_back.flip();
    tui.keys("r");
    let screen = tui.wait_for("Checked again at");
    assert!(screen.contains("not saved"), "{screen}");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the session file is unchanged"
    );
    assert_eq!(
        std::fs::read(&json_report).unwrap(),
        report,
        "the saved report is unchanged"
    );
    let session = tui.session();
    assert_eq!(session["verdict"]["id"], "service_outage");
}
