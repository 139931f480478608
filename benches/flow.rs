//! `flow validate` on a 30,000-step flow (each step with an extra answer leading back to an
//! earlier one): validation is linear in steps and answers, so this stays well under a
//! second. Run with `cargo bench --bench flow`.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use qbfix::flow;

/// A flow of `n` fix steps in a chain, each with an extra answer back to an earlier step.
fn big_flow(n: usize) -> String {
    let mut text = String::from("id = \"big\"\ntitle = \"Big\"\n");
    for i in 0..n {
        let next = if i + 1 == n {
            "summary".to_string()
        } else {
            format!("s{}", i + 1)
        };
        let _ = write!(
            text,
            "[[step]]\nid = \"s{i}\"\nkind = \"fix\"\ntitle = \"Step {i}\"\ntext = \"Do thing {i}.\"\nnext = \"{next}\"\n\
             [[step.answer]]\nid = \"again\"\nlabel = \"Again\"\nnext = \"s{}\"\n",
            i / 2
        );
    }
    text.push_str("[[step]]\nid = \"summary\"\nkind = \"summary\"\ntitle = \"S\"\ntext = \"done\"\n");
    text
}

fn benches(c: &mut Criterion) {
    let text = big_flow(30_000);
    let mut group = c.benchmark_group("flow");
    group.sample_size(10);
    group.bench_function("validate a 30,000-step flow", |b| {
        b.iter(|| flow::parse(black_box(&text), "big.toml").map(|f| f.steps.len()))
    });
    group.finish();
}

criterion_group!(flow_bench, benches);
criterion_main!(flow_bench);
