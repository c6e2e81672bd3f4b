//! Exact k-nearest-neighbour search over one project's vectors of one model: a contiguous f32
//! matrix in memory, SIMD dot products (simsimd) split over the cores, and for large matrices
//! an int8 prefilter whose candidates are rescored in f32 (the benchmark and the tests check
//! that the top results equal exact f32's).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use simsimd::SpatialSimilarity;
use uuid::Uuid;

/// Rows from which the int8 prefilter is used.
pub const PREFILTER_FROM: usize = 20_000;
/// Candidates kept by the prefilter per result wanted (rescored in f32).
const CANDIDATES_PER_RESULT: usize = 8;
/// Fewest candidates the prefilter keeps.
const MIN_CANDIDATES: usize = 256;
/// Matrices kept in memory (per project and model) before the oldest is dropped.
const CACHED: usize = 32;

/// One project's vectors of one model.
#[derive(Debug)]
pub struct Matrix {
    /// The project's Atlas version these were read at.
    pub version: i64,
    /// Values per vector.
    pub dims: usize,
    /// The chunk of each row.
    pub ids: Vec<Uuid>,
    /// The kind of each row's chunk (an index into the caller's kinds).
    pub kinds: Vec<u8>,
    /// Row-major, `ids.len() * dims` values.
    data: Vec<f32>,
    /// The same rows as int8 (each value times 127, rounded): the prefilter's.
    quantized: Vec<i8>,
}

fn quantize(v: &[f32]) -> Vec<i8> {
    #[allow(clippy::cast_possible_truncation)]
    v.iter()
        .map(|x| (x * 127.0).round().clamp(-127.0, 127.0) as i8)
        .collect()
}

/// The `k` best (score, row) of `scores`, best first.
fn top(scores: impl Iterator<Item = (f32, usize)>, k: usize) -> Vec<(f32, usize)> {
    let mut best: Vec<(f32, usize)> = Vec::with_capacity(k + 1);
    let mut floor = f32::NEG_INFINITY;
    for (score, row) in scores {
        if best.len() < k {
            best.push((score, row));
            if best.len() == k {
                floor = best.iter().map(|b| b.0).fold(f32::INFINITY, f32::min);
            }
        } else if score > floor {
            if let Some(worst) = best.iter().position(|b| b.0 == floor) {
                best[worst] = (score, row);
            }
            floor = best.iter().map(|b| b.0).fold(f32::INFINITY, f32::min);
        }
    }
    best.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    best
}

impl Matrix {
    /// A matrix of `rows` (chunk, kind index, vector of `dims` values), with the int8
    /// prefilter from [`PREFILTER_FROM`] rows.
    pub fn new(version: i64, dims: usize, rows: Vec<(Uuid, u8, Vec<f32>)>) -> Self {
        let prefilter = rows.len() >= PREFILTER_FROM;
        Self::build(version, dims, rows, prefilter)
    }

    /// A matrix of `rows`, with the int8 prefilter or not.
    pub fn build(
        version: i64,
        dims: usize,
        rows: Vec<(Uuid, u8, Vec<f32>)>,
        prefilter: bool,
    ) -> Self {
        let mut ids = Vec::with_capacity(rows.len());
        let mut kinds = Vec::with_capacity(rows.len());
        let mut data = Vec::with_capacity(rows.len() * dims);
        for (id, kind, vector) in rows.into_iter().filter(|r| r.2.len() == dims) {
            ids.push(id);
            kinds.push(kind);
            data.extend_from_slice(&vector);
        }
        let quantized = if prefilter {
            quantize(&data)
        } else {
            Vec::new()
        };
        Self {
            version,
            dims,
            ids,
            kinds,
            data,
            quantized,
        }
    }

    /// Rows.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Row `i`'s values.
    pub fn row_values(&self, i: usize) -> &[f32] {
        &self.data[i * self.dims..(i + 1) * self.dims]
    }

    /// Scores `rows` in parallel over the cores with `score`, keeping the `k` best of each
    /// part, then the `k` best of those.
    fn parallel_top<F>(
        &self,
        rows: usize,
        k: usize,
        keep: &(dyn Fn(usize) -> bool + Sync),
        score: F,
    ) -> Vec<(f32, usize)>
    where
        F: Fn(usize) -> f32 + Sync,
    {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8);
        if threads == 1 || rows < 4096 {
            return top((0..rows).filter(|i| keep(*i)).map(|i| (score(i), i)), k);
        }
        let part = rows.div_ceil(threads);
        let partial: Vec<Vec<(f32, usize)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let (score, keep) = (&score, keep);
                    scope.spawn(move || {
                        let range = t * part..((t + 1) * part).min(rows);
                        top(range.filter(|i| keep(*i)).map(|i| (score(i), i)), k)
                    })
                })
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        });
        top(partial.into_iter().flatten(), k)
    }

    /// The `k` rows nearest `query` (highest dot product) among those `keep` accepts, best
    /// first, by exact f32 over every row.
    pub fn exact(
        &self,
        query: &[f32],
        k: usize,
        keep: &(dyn Fn(usize) -> bool + Sync),
    ) -> Vec<(f32, usize)> {
        #[allow(clippy::cast_possible_truncation)]
        self.parallel_top(self.len(), k, keep, |i| {
            f32::dot(self.row_values(i), query).unwrap_or(f64::NEG_INFINITY) as f32
        })
    }

    /// Like [`Matrix::exact`], through the int8 prefilter when the matrix has one: the best
    /// candidates by int8 dot product are rescored in f32.
    pub fn nearest(
        &self,
        query: &[f32],
        k: usize,
        keep: &(dyn Fn(usize) -> bool + Sync),
    ) -> Vec<(f32, usize)> {
        if self.quantized.is_empty() || query.len() != self.dims {
            return self.exact(query, k, keep);
        }
        let q = quantize(query);
        let wanted = (k * CANDIDATES_PER_RESULT).max(MIN_CANDIDATES);
        #[allow(clippy::cast_possible_truncation)]
        let candidates = self.parallel_top(self.len(), wanted, keep, |i| {
            let row = &self.quantized[i * self.dims..(i + 1) * self.dims];
            i8::dot(row, &q).unwrap_or(f64::NEG_INFINITY) as f32
        });
        #[allow(clippy::cast_possible_truncation)]
        top(
            candidates.into_iter().map(|(_, i)| {
                (
                    f32::dot(self.row_values(i), query).unwrap_or(f64::NEG_INFINITY) as f32,
                    i,
                )
            }),
            k,
        )
    }
}

/// A matrix and when it was last used.
type Cached = (Arc<Matrix>, std::time::Instant);

/// The matrices in memory, by project and model.
#[derive(Debug, Default)]
pub struct VectorCache {
    /// Each with when it was last used (the least recently used goes first).
    matrices: Mutex<HashMap<(Uuid, String), Cached>>,
}

impl VectorCache {
    /// The cached matrix of `project` and `model` if it was read at `version`.
    pub fn get(&self, project: Uuid, model: &str, version: i64) -> Option<Arc<Matrix>> {
        let mut matrices = self.matrices.lock().unwrap_or_else(|e| e.into_inner());
        let (matrix, used) = matrices
            .get_mut(&(project, model.to_owned()))
            .filter(|(m, _)| m.version == version)?;
        *used = std::time::Instant::now();
        Some(matrix.clone())
    }

    /// Keeps `matrix` for `project` and `model` (dropping the least recently used beyond the
    /// cap).
    pub fn put(&self, project: Uuid, model: &str, matrix: Arc<Matrix>) {
        let mut matrices = self.matrices.lock().unwrap_or_else(|e| e.into_inner());
        let key = (project, model.to_owned());
        let oldest = matrices
            .iter()
            .min_by_key(|(_, (_, used))| *used)
            .map(|(k, _)| k.clone());
        if let Some(oldest) =
            oldest.filter(|_| matrices.len() >= CACHED && !matrices.contains_key(&key))
        {
            matrices.remove(&oldest);
        }
        matrices.insert(key, (matrix, std::time::Instant::now()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::embedder::normalize;

    /// A deterministic pseudo-random stream (xorshift), for reproducible matrices.
    fn stream(seed: u64) -> impl FnMut() -> f32 {
        let mut s = seed;
        move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            #[allow(clippy::cast_precision_loss)]
            let x = (s >> 11) as f32 / (1u64 << 53) as f32;
            x * 2.0 - 1.0
        }
    }

    fn vectors(n: usize, dims: usize, clustered: bool, seed: u64) -> Vec<Vec<f32>> {
        let mut next = stream(seed);
        let centers: Vec<Vec<f32>> = (0..20)
            .map(|_| (0..dims).map(|_| next()).collect())
            .collect();
        (0..n)
            .map(|i| {
                let mut v: Vec<f32> = if clustered {
                    centers[i % centers.len()]
                        .iter()
                        .map(|c| c + 0.3 * next())
                        .collect()
                } else {
                    (0..dims).map(|_| next()).collect()
                };
                normalize(&mut v);
                v
            })
            .collect()
    }

    /// Plain scalar f32, no SIMD: the reference.
    fn reference(rows: &[Vec<f32>], q: &[f32], k: usize) -> Vec<usize> {
        let mut scored: Vec<(f32, usize)> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.iter().zip(q).map(|(a, b)| a * b).sum::<f32>(), i))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().take(k).map(|s| s.1).collect()
    }

    #[test]
    fn top_keeps_the_best_k_best_first() {
        let scores = [0.1, 0.9, 0.3, 0.8, 0.2, 0.95];
        let best = top(scores.iter().copied().zip(0..), 3);
        assert_eq!(best.iter().map(|b| b.1).collect::<Vec<_>>(), [5, 1, 3]);
    }

    #[test]
    fn prefiltered_and_exact_top_ten_equal_f32_for_a_thousand_queries() {
        for clustered in [false, true] {
            let rows = vectors(10_000, 384, clustered, 7);
            let matrix = Matrix::build(
                1,
                384,
                rows.iter()
                    .enumerate()
                    .map(|(i, v)| (Uuid::from_u128(i as u128), 0, v.clone()))
                    .collect(),
                true,
            );
            let queries = vectors(1000, 384, clustered, 99);
            let all = |_: usize| true;
            for (n, q) in queries.iter().enumerate() {
                let exact: Vec<usize> =
                    matrix.exact(q, 10, &all).into_iter().map(|r| r.1).collect();
                let nearest: Vec<usize> = matrix
                    .nearest(q, 10, &all)
                    .into_iter()
                    .map(|r| r.1)
                    .collect();
                assert_eq!(
                    nearest, exact,
                    "prefiltered, query {n}, clustered {clustered}"
                );
                // SIMD f32 against plain scalar f32, on a sample.
                if n % 40 == 0 {
                    assert_eq!(
                        exact,
                        reference(&rows, q, 10),
                        "exact, query {n}, clustered {clustered}"
                    );
                }
            }
        }
    }

    #[test]
    fn rows_a_filter_refuses_are_never_returned() {
        let rows = vectors(100, 8, false, 3);
        let matrix = Matrix::new(
            1,
            8,
            rows.iter()
                .enumerate()
                .map(|(i, v)| (Uuid::from_u128(i as u128), (i % 2) as u8, v.clone()))
                .collect(),
        );
        let even = |i: usize| matrix.kinds[i] == 0;
        let found = matrix.nearest(&rows[1], 10, &even);
        assert_eq!(found.len(), 10);
        assert!(found.iter().all(|(_, i)| i % 2 == 0));
    }
}
