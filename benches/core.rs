//! Benchmarks of the work on qbfix's hot paths: loading the embedded flow (start-up), walking
//! the wizard, drawing the first TUI frame, pasting 100 KB into a note, rendering reports, sanitizing hostile text, and a whole check run against a
//! loopback server (the checks' own overhead, without the internet's latency).
//! Run with `cargo bench`.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::Timestamp;
use qbfix::checks::runner;
use qbfix::config::Config;
use qbfix::evidence::{CheckResult, Status};
use qbfix::session::{Session, SystemFacts};
use qbfix::text::sanitize;
use qbfix::tui::app::App;
use qbfix::tui::render::{self, Ui};
use qbfix::tui::theme::Theme;
use qbfix::wizard::{Msg, Wizard};
use qbfix::{flow, report};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn walked_session(flow: &Arc<flow::Flow>) -> Session {
    let at = Timestamp::from_second(1_795_000_000).unwrap_or(Timestamp::UNIX_EPOCH);
    let session = Session::new("bench".into(), &flow.id, at, SystemFacts::default());
    let (mut w, _) = Wizard::new(flow.clone(), session);
    w.update(Msg::ChecksStarted {
        ids: vec!["http".into()],
        at,
    });
    let results = (0..12)
        .map(|i| {
            CheckResult::new("http", Status::Pass, format!("host{i} answered 200 OK in 41 ms"))
                .with("status_code", 200)
        })
        .collect();
    w.update(Msg::CheckFinished {
        id: "http".into(),
        results,
    });
    w.update(Msg::ChecksDone { at, duration_ms: 41 });
    for _ in 0..9 {
        w.update(Msg::Pick { n: 2, at });
    }
    w.session().clone()
}

fn benches(c: &mut Criterion) {
    c.bench_function("flow: parse and validate the embedded flow", |b| {
        b.iter(|| flow::default_flow().map(|f| f.steps.len()))
    });

    let flow = Arc::new(flow::default_flow().unwrap_or_else(|e| panic!("{e}")));
    c.bench_function("wizard: walk all ten steps", |b| {
        b.iter(|| walked_session(black_box(&flow)))
    });

    let (first, _) = Wizard::new(
        flow.clone(),
        Session::new(
            "bench".into(),
            &flow.id,
            Timestamp::UNIX_EPOCH,
            SystemFacts::default(),
        ),
    );
    let app = App::new(Theme::colored());
    c.bench_function("tui: draw the first frame at 100x30", |b| {
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap_or_else(|e| panic!("{e}"));
        b.iter(|| {
            let ui = Ui {
                wizard: &first,
                app: &app,
                resume_hint: None,
            };
            terminal.draw(|f| render::draw(f, &ui)).map(|_| ())
        })
    });

    // A one-line paste of 100 KB into the note editor, then the frame that shows it; and
    // the note it saves (issue 11: this used to take minutes).
    let pasted = "Error 502 Bad Gateway on 2 of my 3 bank accounts since 9am. ".repeat(1_700);
    c.bench_function("tui: paste 100 KB into a note, draw it at 80x24, save it", |b| {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| panic!("{e}"));
        b.iter(|| {
            let mut app = App::new(Theme::colored());
            app.open_note(None);
            app.paste(black_box(&pasted), false);
            let ui = Ui {
                wizard: &first,
                app: &app,
                resume_hint: None,
            };
            let drawn = terminal.draw(|f| render::draw(f, &ui)).map(|_| ());
            let mut wizard = first.clone();
            wizard.update(Msg::Note {
                text: app.draft().unwrap_or_default(),
                at: jiff::Timestamp::UNIX_EPOCH,
            });
            drawn
        })
    });

    let session = walked_session(&flow);
    c.bench_function("report: markdown", |b| {
        b.iter(|| report::markdown(black_box(&session), Some(&flow)))
    });
    c.bench_function("report: json", |b| b.iter(|| report::json(black_box(&session))));
    c.bench_function("report: html", |b| {
        b.iter(|| report::html(black_box(&session), Some(&flow)))
    });

    let hostile = "\u{1b}[31mBanking\u{202e} — degraded\u{7} <b>&</b> ".repeat(2048);
    c.bench_function("sanitize: 100 KiB of hostile text", |b| {
        b.iter(|| sanitize::clean(black_box(&hostile)))
    });

    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap_or_else(|e| panic!("{e}"));
    let addr = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
    rt.spawn(async move {
        // Answers "ok" to everything, one hyper connection per accepted socket.
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let service = hyper::service::service_fn(|_request| async {
                    Ok::<_, std::convert::Infallible>(hyper::Response::new(http_body_util::Full::new(
                        hyper::body::Bytes::from_static(b"ok"),
                    )))
                });
                let io = hyper_util::rt::TokioIo::new(stream);
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(io, service)
                    .await;
            });
        }
    });
    let toml = format!(
        "[targets]\nquickbooks = [\"http://{addr}/a\", \"http://{addr}/b\"]\ncontrol = [\"http://{addr}/c\"]\nstatus_page = \"http://{addr}/s\"\nbank = [\"http://{addr}/bank\"]\n"
    );
    let config =
        Arc::new(Config::parse(&toml, std::path::Path::new("bench.toml")).unwrap_or_else(|e| panic!("{e}")));
    c.bench_function("checks: full run against a loopback server", |b| {
        b.iter(|| rt.block_on(runner::run_to_end(config.clone(), runner::select(&[]))))
    });
}

criterion_group!(core, benches);
criterion_main!(core);
