//! One stable sort for the core's lists: of `u32` indices, by a comparison passed
//! as `&mut dyn FnMut`, so std's sort is in the wasm once rather than once per
//! element type and comparison (each copy of its driftsort is about 4.5 KB).

use std::cmp::Ordering;

/// Sorts `indices` stably by `compare`.
#[inline(never)]
pub fn sort_indices(indices: &mut [u32], compare: &mut dyn FnMut(u32, u32) -> Ordering) {
    indices.sort_by(|a, b| compare(*a, *b));
}

/// `items` in stable order by `compare` (items that compare equal keep their order).
pub fn sorted_by<T>(items: Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) -> Vec<T> {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    sort_indices(&mut order, &mut |a, b| {
        compare(&items[a as usize], &items[b as usize])
    });
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|i| slots[i as usize].take())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_the_comparison() {
        let items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        let out = sorted_by(items, &|x: &(i32, char), y: &(i32, char)| x.0.cmp(&y.0));
        assert_eq!(out, vec![(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut idx = vec![3, 1, 2, 0];
        sort_indices(&mut idx, &mut |a, b| b.cmp(&a));
        assert_eq!(idx, vec![3, 2, 1, 0]);
        assert!(sorted_by(Vec::<u8>::new(), &|a, b| a.cmp(b)).is_empty());
    }
}
