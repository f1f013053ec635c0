//! The loader turns any input into a spec or a report, never a panic, and stays within
//! its budgets on hostile input.

use proptest::prelude::*;

const SPECS: [&str; 5] = [
    include_str!("../../specs/zoho_crm.yaml"),
    include_str!("../../specs/zoho_contracts.yaml"),
    include_str!("../../specs/zoho_inventory.yaml"),
    include_str!("../../specs/help_scout.yaml"),
    include_str!("../../specs/zoho_people.yaml"),
];

/// Loads and renders: rendering walks every diagnostic's position against the text.
fn load(text: &str) {
    match codegen::load_str("fuzz.yaml", text) {
        Ok(spec) => drop(spec.warnings.to_string()),
        Err(report) => {
            assert!(report.has_errors());
            drop(report.to_string());
        }
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    Truncate(usize),
    Insert(usize, String),
    IndentLine(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let token = prop_oneof![
        Just(":".to_owned()),
        Just("- ".to_owned()),
        Just("{".to_owned()),
        Just("]".to_owned()),
        Just("\"".to_owned()),
        Just("&a ".to_owned()),
        Just("*a".to_owned()),
        Just("\n".to_owned()),
        Just("\t".to_owned()),
        Just("é".to_owned()),
        "[a-z_]{1,8}",
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), token).prop_map(|(at, t)| Mutation::Insert(at, t)),
        any::<usize>().prop_map(Mutation::IndentLine),
    ]
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let pick = |i: usize| i % lines.len().max(1);
    let char_boundary = |i: usize| {
        let mut at = i % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match mutation {
        Mutation::DeleteLine(i) if !lines.is_empty() => {
            let at = pick(*i);
            lines.remove(at);
        }
        Mutation::DuplicateLine(i) if !lines.is_empty() => {
            let at = pick(*i);
            let copy = lines[at].clone();
            lines.insert(at, copy);
        }
        Mutation::IndentLine(i) if !lines.is_empty() => {
            let at = pick(*i);
            lines[at].insert(0, ' ');
        }
        Mutation::Truncate(i) => return text[..char_boundary(*i)].to_owned(),
        Mutation::Insert(i, token) => {
            let at = char_boundary(*i);
            return format!("{}{token}{}", &text[..at], &text[at..]);
        }
        _ => {}
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        load(&text);
    }

    #[test]
    fn yaml_looking_text_never_panics(text in "([a-z_]{1,6}|:|-|\\[|\\]|\\{|\\}|,|\"|&a|\\*a|\\|| |\n  |\n|[0-9]{1,3}){0,80}") {
        load(&text);
    }

    #[test]
    fn mutated_specs_never_panic(spec in 0..SPECS.len(), mutations in prop::collection::vec(mutation(), 1..4)) {
        let mut text = SPECS[spec].to_owned();
        for m in &mutations {
            text = apply(&text, m);
        }
        load(&text);
    }
}

#[test]
fn deep_nesting_is_refused_by_the_budget() {
    let text = format!("service: {}x{}\n", "[".repeat(5_000), "]".repeat(5_000));
    let report = codegen::load_str("deep.yaml", &text).expect_err("too deep");
    assert!(report.has_errors());
}

#[test]
fn alias_bombs_are_refused_by_the_budget() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..12 {
        let previous = format!("*a{}", level - 1);
        let items = vec![previous; 10].join(", ");
        text.push_str(&format!("a{level}: &a{level} [{items}]\n"));
    }
    let report = codegen::load_str("bomb.yaml", &text).expect_err("an alias bomb");
    assert!(report.has_errors());
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let text = "#".repeat(codegen::load::MAX_SPEC_BYTES + 1);
    let report = codegen::load_str("big.yaml", &text).expect_err("too big");
    assert!(report.diagnostics[0].message.contains("bytes"));
}
