//! "Did you mean ...?": the closest spelling among the names a spec could have meant.

/// The candidate closest to `found`, when one is close enough to be a likely typo: at most
/// one edit, or a third of the candidate's length. `fold_case` compares without case.
pub fn closest<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    fold_case: bool,
) -> Option<&'a str> {
    let fold = |text: &str| {
        if fold_case {
            text.to_lowercase()
        } else {
            text.to_owned()
        }
    };
    let found = fold(found);
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(&found, &fold(candidate)), candidate))
        .filter(|(distance, candidate)| *distance <= 1.max(candidate.len() / 3))
        .min()
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("requird", "required"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }

    #[test]
    fn close_spellings_are_suggested_and_far_ones_are_not() {
        assert_eq!(
            closest("requird", ["required", "doc"], false),
            Some("required")
        );
        assert_eq!(closest("widgit", ["Widget"], true), Some("Widget"));
        assert_eq!(closest("xyz", ["required"], false), None);
    }
}
