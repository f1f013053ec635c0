//! Large specs load: the parser's budgets grow with the input, so a spec of 5,000
//! operations (public APIs of that size exist) is accepted, while a small hostile file is
//! still refused, and a large file does not buy a hostile part more room than its size.

use codegen::synthetic;

#[test]
fn a_spec_of_five_thousand_operations_loads() {
    let text = synthetic::spec("synthetic", synthetic::resources_for(5_000));
    let loaded = codegen::load_str("synthetic.yaml", &text).unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(loaded.service.operations.len(), 5_000);
    assert_eq!(loaded.service.types.len(), 5_000);
}

/// A billion-node alias bomb, after `padding` bytes of comment.
fn padded_alias_bomb(padding: usize) -> String {
    let mut text = format!("# {}\n", "x".repeat(padding));
    text.push_str("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..10 {
        let items = vec![format!("*a{}", level - 1); 10].join(", ");
        text.push_str(&format!("a{level}: &a{level} [{items}]\n"));
    }
    text
}

#[test]
fn an_alias_bomb_is_refused_whatever_the_padding_around_it() {
    for padding in [0, 4 * 1024 * 1024] {
        // Expanded, it would be ten billion nodes: that the load returns at all is the test.
        let report =
            codegen::load_str("bomb.yaml", &padded_alias_bomb(padding)).expect_err("an alias bomb");
        assert!(report.has_errors());
    }
}

#[test]
fn nesting_deeper_than_sixty_four_is_refused_in_a_large_file_too() {
    let padding = "#".repeat(8 * 1024 * 1024);
    let text = format!(
        "{padding}\nservice: {}x{}\n",
        "[".repeat(100),
        "]".repeat(100)
    );
    let report = codegen::load_str("deep.yaml", &text).expect_err("too deep");
    assert!(report.has_errors());
}
