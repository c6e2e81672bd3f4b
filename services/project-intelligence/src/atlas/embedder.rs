//! Text embedders: the model that turns chunks and queries into L2-normalised vectors, chosen
//! by `TESSERA_EMBEDDER`. Embedding is CPU work, run on the blocking pool.

use std::sync::Arc;

use tessera_kit::api_error::ApiError;

/// A text embedding model.
pub trait Embedder: Send + Sync + std::fmt::Debug {
    /// The model's id, stored with every vector: vectors of different ids are never compared.
    fn model(&self) -> &str;
    /// Values per vector.
    fn dimensions(&self) -> usize;
    /// One L2-normalised vector per text, in order (blocking: call through [`embed`]).
    fn embed_blocking(&self, texts: &[String]) -> anyhow::Result<Vec<Vec<f32>>>;
}

/// `texts` embedded by `embedder` on the blocking pool.
pub async fn embed(
    embedder: Arc<dyn Embedder>,
    texts: Vec<String>,
) -> Result<Vec<Vec<f32>>, ApiError> {
    if texts.is_empty() {
        return Ok(Vec::new());
    }
    tokio::task::spawn_blocking(move || embedder.embed_blocking(&texts))
        .await
        .map_err(|e| ApiError::Internal(format!("the embedder stopped: {e}")))?
        .map_err(|e| ApiError::Internal(format!("embedding failed: {e}")))
}

/// The embedder `TESSERA_EMBEDDER` names: `pocket` (the compiled-in MiniLM) or `hashing`.
pub fn from_config(name: &str) -> anyhow::Result<Arc<dyn Embedder>> {
    match name {
        "pocket" => Ok(Arc::new(Pocket::new()?)),
        "hashing" => Ok(Arc::new(Hashing::default())),
        other => anyhow::bail!("TESSERA_EMBEDDER={other}: expected pocket or hashing"),
    }
}

/// paraphrase-MiniLM-L3-v2 (4-bit weights compiled into the binary, 384 dimensions,
/// normalised), from the `pocket-encoder` crate.
#[derive(Clone)]
pub struct Pocket {
    encoder: pocket_encoder::Encoder,
    model: String,
}

impl std::fmt::Debug for Pocket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pocket")
            .field("model", &self.model)
            .finish()
    }
}

impl Pocket {
    /// Loads the compiled-in weights (once per process).
    pub fn new() -> anyhow::Result<Self> {
        Ok(Self {
            encoder: pocket_encoder::Encoder::new()?,
            model: pocket_encoder::model_info().id,
        })
    }
}

impl Embedder for Pocket {
    fn model(&self) -> &str {
        &self.model
    }

    fn dimensions(&self) -> usize {
        384
    }

    fn embed_blocking(&self, texts: &[String]) -> anyhow::Result<Vec<Vec<f32>>> {
        Ok(self.encoder.embed(texts)?)
    }
}

/// A deterministic bag-of-words embedder for tests and for running without a model: words
/// and their character trigrams are hashed (FNV-1a) into signed buckets, then normalised.
/// Texts sharing words are near; it knows nothing of meaning.
#[derive(Debug, Clone)]
pub struct Hashing {
    dimensions: usize,
}

impl Default for Hashing {
    fn default() -> Self {
        Self { dimensions: 384 }
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl Hashing {
    /// One text's vector.
    pub fn vector(&self, text: &str) -> Vec<f32> {
        let mut v = vec![0f32; self.dimensions];
        let mut add = |feature: &[u8], weight: f32| {
            let h = fnv1a(feature);
            let bucket = usize::try_from(h % self.dimensions as u64).unwrap_or(0);
            v[bucket] += if h >> 63 == 0 { weight } else { -weight };
        };
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
        {
            add(word.as_bytes(), 1.0);
            let chars: Vec<char> = format!("^{word}$").chars().collect();
            for gram in chars.windows(3) {
                add(gram.iter().collect::<String>().as_bytes(), 0.5);
            }
        }
        normalize(&mut v);
        v
    }
}

impl Embedder for Hashing {
    fn model(&self) -> &str {
        "tessera/hashing-v1-384"
    }

    fn dimensions(&self) -> usize {
        self.dimensions
    }

    fn embed_blocking(&self, texts: &[String]) -> anyhow::Result<Vec<Vec<f32>>> {
        Ok(texts.iter().map(|t| self.vector(t)).collect())
    }
}

/// Scales `v` to unit length; a zero vector (no features) becomes the first axis.
pub fn normalize(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 && norm.is_finite() {
        v.iter_mut().for_each(|x| *x /= norm);
    } else if !v.is_empty() {
        v.fill(0.0);
        v[0] = 1.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashing_is_deterministic_normalised_and_word_sensitive() {
        let h = Hashing::default();
        let a = h.vector("reset the password");
        assert_eq!(a, h.vector("Reset the PASSWORD!"));
        let norm: f32 = a.iter().map(|x| x * x).sum();
        assert!((norm - 1.0).abs() < 1e-5);
        let dot = |x: &[f32], y: &[f32]| x.iter().zip(y).map(|(a, b)| a * b).sum::<f32>();
        assert!(dot(&a, &h.vector("password reset")) > dot(&a, &h.vector("weather in Paris")));
        let empty = h.vector("!!!");
        assert_eq!(empty[0], 1.0);
    }
}
