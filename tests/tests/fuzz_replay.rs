//! The fuzz targets of `tests/fuzz`, run the bounded, deterministic way: every file of the
//! checked-in seed corpus, then a fixed-seed run of random and mutated inputs. cargo-fuzz
//! explores further on a nightly toolchain; this is what CI runs on every change.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use workspace_tests::fuzz_targets::{DECODED_OPERATIONS, OPERATIONS, decode_responses, load_spec};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(dir: &Path) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn corpus(target: &str) -> Vec<Vec<u8>> {
    let seeds = files(&workspace().join("tests/fuzz/corpus").join(target));
    assert!(!seeds.is_empty(), "the {target} corpus is empty");
    seeds
}

/// A seed changed at a few places: bytes flipped, a cut, bytes inserted.
fn mutated(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    (
        0..seeds.len(),
        prop::collection::vec((any::<usize>(), any::<u8>(), 0..3_u8), 1..8),
    )
        .prop_map(move |(pick, edits)| {
            let mut bytes = seeds[pick].clone();
            for (at, byte, kind) in edits {
                let at = at % (bytes.len() + 1);
                match kind {
                    0 if at < bytes.len() => bytes[at] = byte,
                    1 => bytes.truncate(at),
                    _ => bytes.insert(at, byte),
                }
            }
            bytes
        })
}

fn run(cases: u32, strategy: impl Strategy<Value = Vec<u8>>, target: fn(&[u8])) {
    let mut runner = TestRunner::new_with_rng(
        Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        },
        proptest::test_runner::TestRng::deterministic_rng(
            proptest::test_runner::RngAlgorithm::ChaCha,
        ),
    );
    let outcome = runner.run(&strategy, |bytes| {
        target(&bytes);
        Ok(())
    });
    assert!(outcome.is_ok(), "{outcome:?}");
}

#[test]
fn the_load_spec_corpus_and_every_spec_and_fixture_load_without_panicking() {
    let mut seeds = corpus("load_spec");
    seeds.extend(files(&workspace().join("specs")));
    seeds.extend(files(&workspace().join("tests/fixtures/broken")));
    seeds.extend(files(&workspace().join("tests/fixtures/features")));
    for seed in &seeds {
        load_spec(seed);
    }
}

#[test]
fn the_decode_responses_corpus_decodes_without_panicking() {
    for seed in corpus("decode_responses") {
        decode_responses(&seed);
    }
}

#[test]
fn load_spec_survives_random_and_mutated_input() {
    run(128, prop::collection::vec(any::<u8>(), 0..512), load_spec);
    let mut seeds = corpus("load_spec");
    seeds.extend(files(&workspace().join("specs")));
    run(256, mutated(seeds), load_spec);
}

#[test]
fn decode_responses_survives_random_and_mutated_input() {
    run(
        256,
        prop::collection::vec(any::<u8>(), 0..512),
        decode_responses,
    );
    run(512, mutated(corpus("decode_responses")), decode_responses);
}

#[test]
fn the_decode_target_covers_every_operation() {
    let (loaded, failed) =
        codegen::load_dir(&workspace().join("specs")).expect("specs/ is readable");
    assert!(failed.is_empty());
    let mut operations: Vec<(String, String)> = loaded
        .iter()
        .flat_map(|s| {
            s.service
                .operations
                .iter()
                .map(|op| (s.service.module.clone(), op.name.clone()))
        })
        .collect();
    operations.sort();
    let mut known: Vec<(String, String)> = OPERATIONS
        .iter()
        .map(|(service, op)| ((*service).to_owned(), (*op).to_owned()))
        .collect();
    known.sort();
    assert_eq!(
        operations, known,
        "add the new operations to `fuzz_targets::OPERATIONS` and `decode_operation`"
    );
    assert_eq!(known.len(), DECODED_OPERATIONS);

    // The table's own reading of the one per-item answer is the spec's.
    let create = loaded
        .iter()
        .flat_map(|s| &s.service.operations)
        .find(|op| op.name == "create_org_enrichment")
        .expect("the operation");
    let per_item = create
        .response
        .per_item
        .as_ref()
        .expect("a per-item answer");
    let table = workspace_tests::fuzz_targets::CREATE_ORG_ENRICHMENT;
    assert_eq!(table.envelope, create.response.envelope.as_deref());
    assert_eq!(table.status, per_item.status.as_slice());
    assert_eq!(table.success, per_item.success.as_slice());
}
